import { useTranslation } from 'react-i18next';
import type { DataExport } from '@lesplein/contracts/data-export';
import { DATA_EXPORTS_PER_DAY, DATA_EXPORT_LINK_DAYS, DataExportProblemCode } from '@lesplein/contracts/data-export';
import { hasActiveExport, useDataExports } from '../../../features/privacy/list-data-exports';
import { useRequestDataExport } from '../../../features/privacy/request-data-export';
import { dataExportDownloadHref } from '../../../features/privacy/download-data-export';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { describeProblem } from '../../../lib/form';
import { formatDateTime, formatFileSize } from '../../../lib/format';

/**
 * "Exporteer je gegevens" on the 'my data' page: ask for an export (a ZIP made in the background),
 * follow its progress (a progress bar, the list polled while it runs), and download ready exports
 * until their link expires.
 */
export function DataExportSection() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const exports = useDataExports();
  const request = useRequestDataExport();
  const items = exports.data?.items ?? [];
  const active = items.find((item) => item.status === 'queued' || item.status === 'running');
  const latest = items[0];
  const requestError = request.isError
    ? describeProblem(request.error, {
        messages: {
          [DataExportProblemCode.inProgress]: t('dataExport.problem.inProgress'),
          [DataExportProblemCode.limitReached]: t('dataExport.problem.limitReached', { count: DATA_EXPORTS_PER_DAY }),
        },
      }).formError
    : null;

  return (
    <section className="section" aria-labelledby="my-data-export">
      <h2 id="my-data-export">{t('dataExport.title')}</h2>
      <p>{t('dataExport.intro', { days: DATA_EXPORT_LINK_DAYS })}</p>
      <p>{t('dataExport.limit', { count: DATA_EXPORTS_PER_DAY })}</p>
      <p>
        <Button onClick={() => request.mutate()} busy={request.isPending} busyLabel={t('dataExport.requesting')} disabled={hasActiveExport(exports.data)}>
          {t('dataExport.request')}
        </Button>
      </p>
      {requestError ? <Alert tone="error">{requestError}</Alert> : null}

      {active ? <ExportProgress item={active} /> : null}
      {/* Announced once when the newest export is done. */}
      <div role="status">
        {!active && latest?.status === 'ready' && request.isSuccess ? t('dataExport.readyAnnouncement') : null}
      </div>

      {exports.isPending ? <Spinner label={t('common.loading')} /> : null}
      {exports.isError ? <Alert tone="error">{describeProblem(exports.error).formError}</Alert> : null}
      {exports.isSuccess && items.length > 0 ? (
        <div className="table-wrap" role="region" aria-labelledby="my-data-export-caption" tabIndex={0}>
          <table className="table">
            <caption id="my-data-export-caption">{t('dataExport.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dataExport.columns.createdAt')}</th>
                <th scope="col">{t('dataExport.columns.status')}</th>
                <th scope="col">{t('dataExport.columns.size')}</th>
                <th scope="col">{t('dataExport.columns.expiresAt')}</th>
                <th scope="col">{t('dataExport.columns.download')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <ExportRow key={item.id} item={item} language={language} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** The running export's progress bar (the value comes from the polled list). */
function ExportProgress({ item }: { item: DataExport }) {
  const { t } = useTranslation();
  const label = item.status === 'queued' ? t('dataExport.queued') : t('dataExport.running', { percent: item.progress });
  return (
    <div className="data-export-progress">
      <p id="data-export-progress-label">{label}</p>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby="data-export-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={item.progress}
        aria-valuetext={t('dataExport.percent', { percent: item.progress })}
      >
        <span className="progress__bar" style={{ width: `${item.progress}%` }} />
      </div>
    </div>
  );
}

function ExportRow({ item, language }: { item: DataExport; language: string }) {
  const { t } = useTranslation();
  const href = dataExportDownloadHref(item);
  const created = formatDateTime(item.createdAt, language);
  return (
    <tr>
      <th scope="row">{created}</th>
      <td>{t(`dataExport.status.${item.status}`)}</td>
      <td>{item.size !== null ? formatFileSize(item.size, language) : '—'}</td>
      <td>{item.expiresAt ? formatDateTime(item.expiresAt, language) : '—'}</td>
      <td>
        {href ? (
          <a href={href} download>
            {t('dataExport.download')}
            <span className="visually-hidden"> {t('dataExport.downloadOf', { date: created })}</span>
          </a>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}
