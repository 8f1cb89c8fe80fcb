import { useTranslation } from 'react-i18next';
import { useLoginHistory } from '../../../features/security/get-login-history';
import { Alert } from '../../../components/ui/alert';
import { Spinner } from '../../../components/ui/spinner';
import { describeProblem } from '../../../lib/form';
import { formatDateTime } from '../../../lib/format';
import { useDeviceLabel } from './device-label';

export function LoginHistorySection() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const history = useLoginHistory();
  const deviceLabel = useDeviceLabel();

  return (
    <section className="section" aria-labelledby="history-title">
      <h2 id="history-title">{t('security.history.title')}</h2>
      {history.isPending ? <Spinner label={t('common.loading')} /> : null}
      {history.isError ? <Alert tone="error">{describeProblem(history.error).formError}</Alert> : null}
      {history.data ? (
        <>
          <p>{t('security.history.retention', { count: history.data.retentionDays })}</p>
          {history.data.items.length === 0 ? (
            <p>{t('security.history.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('security.history.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('security.columns.when')}</th>
                    <th scope="col">{t('security.columns.device')}</th>
                    <th scope="col">{t('security.columns.ip')}</th>
                  </tr>
                </thead>
                <tbody>
                  {history.data.items.map((entry, index) => (
                    <tr key={`${entry.at}-${index}`}>
                      <td>{formatDateTime(entry.at, language)}</td>
                      <td>{deviceLabel(entry.userAgent)}</td>
                      <td>{entry.ipPrefix ?? t('security.unknown')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
