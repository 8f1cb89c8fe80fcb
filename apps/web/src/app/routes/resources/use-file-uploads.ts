import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceFile, UploadLimits } from '@lesplein/contracts/resource';
import { checkUpload, useUploadResourceFile, type UploadRefusal } from '../../../features/resources/upload-resource-file';
import { describeProblem } from '../../../lib/form';
import { formatFileSize } from '../../../lib/format';
import { ProblemCode } from '../../../lib/problem-codes';

export type UploadStatus = 'waiting' | 'refused' | 'uploading' | 'processing' | 'done' | 'failed' | 'cancelled';

export interface UploadItem {
  key: string;
  file: File;
  status: UploadStatus;
  /** Bytes sent so far and in all. */
  loaded: number;
  total: number;
  /** Translated reason when refused or failed. */
  error: string | null;
  /** The stored file, once the API accepted it. */
  uploaded: ResourceFile | null;
}

/** Statuses whose file still needs the member's attention before it counts as handled. */
export const unfinished: readonly UploadStatus[] = ['waiting', 'uploading', 'processing'];

let nextKey = 0;

/**
 * The files a member adds to a resource, each with its own progress, error and cancel.
 * Files wait in a queue until `start(resourceId)` (the draft must exist first); when
 * `autoStartFor` names a resource, they start at once. Uploads run one at a time, so the
 * progress of each is real and the quota check of the next sees the previous one.
 */
export function useFileUploads({ limits, autoStartFor }: { limits: UploadLimits | undefined; autoStartFor: string | null }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const upload = useUploadResourceFile();
  const [items, setItems] = useState<UploadItem[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const queue = useRef<UploadItem[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const chain = useRef<Promise<number>>(Promise.resolve(0));

  const patch = useCallback((key: string, change: Partial<UploadItem>) => {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  // Leaving the page cancels what is still being sent; the browser asks first while uploads run.
  const busy = items.some((item) => item.status === 'uploading' || item.status === 'processing');
  useEffect(() => {
    if (!busy) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [busy]);
  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
    };
  }, []);

  const refusalMessage = useCallback(
    (refusal: UploadRefusal): string => {
      if (refusal === ProblemCode.fileTooLarge && limits) return t('resources.files.tooLarge', { max: formatFileSize(limits.maxFileBytes, language) });
      if (refusal === ProblemCode.quotaExceeded && limits) {
        return t('resources.files.quotaFull', { left: formatFileSize(Math.max(0, limits.quotaBytes - limits.usedBytes), language) });
      }
      return t(`problem.${refusal}`);
    },
    [limits, language, t],
  );

  const uploadOne = useCallback(
    async (resourceId: string, item: UploadItem): Promise<boolean> => {
      const controller = new AbortController();
      controllers.current.set(item.key, controller);
      patch(item.key, { status: 'uploading', loaded: 0, total: item.file.size, error: null });
      try {
        const stored = await upload(resourceId, item.file, {
          signal: controller.signal,
          // Once every byte is sent the API still checks and stores the file: say so.
          onProgress: (loaded, total) => patch(item.key, { loaded, total, status: total > 0 && loaded >= total ? 'processing' : 'uploading' }),
        });
        patch(item.key, { status: 'done', loaded: item.file.size, total: item.file.size, uploaded: stored });
        setAnnouncement(t('resources.files.announceDone', { name: item.file.name }));
        return true;
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') {
          patch(item.key, { status: 'cancelled', error: null });
          setAnnouncement(t('resources.files.announceCancelled', { name: item.file.name }));
          return false;
        }
        const described = describeProblem(error, { fields: ['file'], messages: { [ProblemCode.conflict]: t('resources.files.conflict') } });
        const message = described.formError ?? described.fieldErrors.file ?? t('problem.unknown');
        patch(item.key, { status: 'failed', error: message });
        setAnnouncement(t('resources.files.announceFailed', { name: item.file.name, reason: message }));
        return false;
      } finally {
        controllers.current.delete(item.key);
      }
    },
    [patch, t, upload],
  );

  /** Uploads every waiting file to the resource; resolves with the number that did not make it. */
  const start = useCallback(
    (resourceId: string): Promise<number> => {
      chain.current = chain.current.then(async () => {
        let failures = 0;
        for (let next = queue.current.shift(); next; next = queue.current.shift()) {
          if (!(await uploadOne(resourceId, next))) failures += 1;
        }
        return failures;
      });
      return chain.current;
    },
    [uploadOne],
  );

  const add = useCallback(
    (files: readonly File[]) => {
      let pending = items.filter((item) => unfinished.includes(item.status)).reduce((sum, item) => sum + item.file.size, 0);
      const added: UploadItem[] = files.map((file) => {
        const refusal = checkUpload(file, limits, pending);
        if (!refusal) pending += file.size;
        return { key: `upload-${(nextKey += 1)}`, file, status: refusal ? 'refused' : 'waiting', loaded: 0, total: file.size, error: refusal ? refusalMessage(refusal) : null, uploaded: null };
      });
      setItems((list) => [...list, ...added]);
      queue.current.push(...added.filter((item) => item.status === 'waiting'));
      const refused = added.filter((item) => item.status === 'refused');
      setAnnouncement(
        refused.length
          ? refused.map((item) => t('resources.files.announceFailed', { name: item.file.name, reason: item.error ?? '' })).join(' ')
          : t('resources.files.announceAdded', { count: added.length }),
      );
      if (autoStartFor && added.some((item) => item.status === 'waiting')) void start(autoStartFor);
    },
    [autoStartFor, items, limits, refusalMessage, start, t],
  );

  const cancel = useCallback((key: string) => controllers.current.get(key)?.abort(), []);

  /** Forgets a file that is not (or no longer) being sent. */
  const forget = useCallback((key: string) => {
    queue.current = queue.current.filter((item) => item.key !== key);
    setItems((list) => list.filter((item) => item.key !== key));
  }, []);

  /** Puts a failed or cancelled file back in the queue (and sends it at once when the resource exists). */
  const retry = useCallback(
    (key: string) => {
      const item = items.find((candidate) => candidate.key === key);
      if (!item) return;
      const again = { ...item, status: 'waiting' as const, error: null, loaded: 0 };
      patch(key, again);
      queue.current.push(again);
      if (autoStartFor) void start(autoStartFor);
    },
    [autoStartFor, items, patch, start],
  );

  /** Drops files still waiting (e.g. the member switched to a web link). */
  const dropWaiting = useCallback(() => {
    const waiting = new Set(queue.current.map((item) => item.key));
    queue.current = [];
    setItems((list) => list.filter((item) => !waiting.has(item.key) && item.status !== 'refused'));
  }, []);

  return { items, announcement, add, start, cancel, forget, retry, dropWaiting, hasWaiting: items.some((item) => item.status === 'waiting'), busy };
}
