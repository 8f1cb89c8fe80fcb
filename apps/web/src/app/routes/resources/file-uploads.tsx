import { useEffect, useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceFile, UploadLimits } from '@lesplein/contracts/resource';
import { useRemoveResourceFile } from '../../../features/resources/remove-resource-file';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { describeProblem } from '../../../lib/form';
import { formatFileSize } from '../../../lib/format';
import type { UploadItem, useFileUploads } from './use-file-uploads';

interface FileUploadsProps {
  uploads: ReturnType<typeof useFileUploads>;
  /** Files the resource already has (edit), without the ones uploaded in this visit. */
  storedFiles: readonly ResourceFile[];
  resourceId: string | null;
  limits: UploadLimits | undefined;
  /** A problem about the files as a whole (e.g. "add a file or a link" when publishing). */
  error?: string | undefined;
  /** True when chosen files wait for "save" instead of being sent at once. */
  waitForSave: boolean;
}

/**
 * Drop zone plus a real file input (keyboard and screen readers use the input, which carries
 * the visible button's label), and one row per file: size, progress bar, status, error,
 * cancel, retry, remove.
 */
export function FileUploads({ uploads, storedFiles, resourceId, limits, error, waitForSave }: FileUploadsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const id = `files${useId().replace(/:/g, '')}`;
  const [dragging, setDragging] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  const removeFile = useRemoveResourceFile();
  const [toRemove, setToRemove] = useState<{ fileId: string; name: string; uploadKey: string | null } | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [removed, setRemoved] = useState('');

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const size = (bytes: number) => formatFileSize(bytes, language);

  // A file dropped next to the zone would make the browser open it and leave the form: refuse such drops.
  useEffect(() => {
    const refuse = (event: globalThis.DragEvent) => {
      if (event.dataTransfer && [...event.dataTransfer.types].includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', refuse);
    window.addEventListener('drop', refuse);
    return () => {
      window.removeEventListener('dragover', refuse);
      window.removeEventListener('drop', refuse);
    };
  }, []);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length) uploads.add(files);
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (![...event.dataTransfer.types].includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  const confirmRemove = () => {
    if (!toRemove || !resourceId) return;
    setRemoveError(null);
    removeFile.mutate(
      { resourceId, fileId: toRemove.fileId },
      {
        onSuccess: () => {
          if (toRemove.uploadKey) uploads.forget(toRemove.uploadKey);
          setRemoved(t('resources.files.removed', { name: toRemove.name }));
          setToRemove(null);
        },
        onError: (failure) => setRemoveError(describeProblem(failure).formError),
      },
    );
  };

  const hint = limits
    ? t('resources.files.hintLimits', { max: size(limits.maxFileBytes), used: size(limits.usedBytes), quota: size(limits.quotaBytes) })
    : t('resources.files.hint');

  return (
    <div className={['upload', error ? 'upload--invalid' : ''].filter(Boolean).join(' ')}>
      <div
        className={['dropzone', dragging ? 'dropzone--active' : ''].filter(Boolean).join(' ')}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={(event) => {
          // Moving onto the button or text inside the zone is not leaving it.
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <p className="dropzone__text" aria-hidden="true">
          {t('resources.files.dropHere')}
        </p>
        <input
          key={inputKey}
          id={id}
          type="file"
          multiple
          className="dropzone__input"
          aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            if (files.length) uploads.add(files);
            setInputKey((key) => key + 1);
          }}
        />
        <label htmlFor={id} className="button button--secondary dropzone__button">
          {t('resources.files.choose')}
        </label>
        <p className="field__hint" id={hintId}>
          {hint} {waitForSave ? t('resources.files.waitNote') : null}
        </p>
      </div>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}

      {storedFiles.length + uploads.items.length > 0 ? (
        <ul className="upload-list" aria-label={t('resources.files.listLabel')}>
          {storedFiles.map((file) => (
            <li key={file.id} className="upload-item">
              <div className="upload-item__head">
                {file.thumbnailUrl ? <img className="upload-item__thumb" src={file.thumbnailUrl} alt="" width={48} height={48} /> : null}
                <span className="upload-item__name">{file.name}</span>
                <span className="upload-item__size">{size(file.size)}</span>
                <Button variant="link" onClick={() => setToRemove({ fileId: file.id, name: file.name, uploadKey: null })}>
                  {t('common.remove')}
                  <span className="visually-hidden"> {file.name}</span>
                </Button>
              </div>
              <p className="upload-item__status">{t('resources.files.stored')}</p>
            </li>
          ))}
          {uploads.items.map((item) => (
            <UploadRow
              key={item.key}
              item={item}
              canRetry={!!resourceId || waitForSave}
              onCancel={() => uploads.cancel(item.key)}
              onRetry={() => uploads.retry(item.key)}
              onRemove={() => {
                if (item.status === 'done' && item.uploaded) setToRemove({ fileId: item.uploaded.id, name: item.file.name, uploadKey: item.key });
                else uploads.forget(item.key);
              }}
            />
          ))}
        </ul>
      ) : null}
      <p className="visually-hidden" role="status">
        {uploads.announcement} {removed}
      </p>

      <ConfirmDialog
        open={toRemove !== null}
        title={t('resources.files.removeTitle')}
        confirmLabel={t('resources.files.removeConfirm')}
        busyLabel={t('common.removing')}
        busy={removeFile.isPending}
        error={removeError}
        onConfirm={confirmRemove}
        onCancel={() => {
          setToRemove(null);
          setRemoveError(null);
        }}
      >
        <p>{t('resources.files.removeBody', { name: toRemove?.name ?? '' })}</p>
      </ConfirmDialog>
    </div>
  );
}

function UploadRow({ item, canRetry, onCancel, onRetry, onRemove }: { item: UploadItem; canRetry: boolean; onCancel: () => void; onRetry: () => void; onRemove: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const errorId = `${item.key}-error`;
  const percent = item.total > 0 ? Math.min(100, Math.round((item.loaded / item.total) * 100)) : item.status === 'done' ? 100 : 0;
  const showProgress = item.status === 'uploading' || item.status === 'processing' || item.status === 'done';
  const sizes = { loaded: formatFileSize(item.loaded, language), total: formatFileSize(item.total, language) };
  const status: Record<UploadItem['status'], string> = {
    waiting: t('resources.files.waiting'),
    refused: t('resources.files.refused'),
    uploading: t('resources.files.uploading', { percent, ...sizes }),
    processing: t('resources.files.processing'),
    done: t('resources.files.done'),
    failed: t('resources.files.failed'),
    cancelled: t('resources.files.cancelled'),
  };
  return (
    <li className={`upload-item upload-item--${item.status}`}>
      <div className="upload-item__head">
        <span className="upload-item__name">{item.file.name}</span>
        <span className="upload-item__size">{formatFileSize(item.file.size, language)}</span>
        {item.status === 'uploading' || item.status === 'processing' ? (
          <Button variant="link" onClick={onCancel}>
            {t('common.cancel')}
            <span className="visually-hidden"> {t('resources.files.uploadOf', { name: item.file.name })}</span>
          </Button>
        ) : (
          <>
            {(item.status === 'failed' || item.status === 'cancelled') && canRetry ? (
              <Button variant="link" onClick={onRetry}>
                {t('resources.files.retry')}
                <span className="visually-hidden"> {item.file.name}</span>
              </Button>
            ) : null}
            <Button variant="link" onClick={onRemove}>
              {t('common.remove')}
              <span className="visually-hidden"> {item.file.name}</span>
            </Button>
          </>
        )}
      </div>
      {showProgress ? (
        <div
          className="progress"
          role="progressbar"
          aria-label={t('resources.files.progressLabel', { name: item.file.name })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={status[item.status]}
          aria-describedby={item.error ? errorId : undefined}
        >
          <span className="progress__bar" style={{ width: `${percent}%` }} />
        </div>
      ) : null}
      <p className="upload-item__status">{status[item.status]}</p>
      {item.error ? (
        <p className="field__error" id={errorId}>
          {item.error}
        </p>
      ) : null}
    </li>
  );
}
