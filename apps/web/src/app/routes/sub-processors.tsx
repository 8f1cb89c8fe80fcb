import './administration/administration.css';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSubProcessors } from '../../features/administration/get-sub-processors';
import { Alert } from '../../components/ui/alert';
import { Spinner } from '../../components/ui/spinner';
import { ExternalLink, MailLink } from '../../components/external-link';
import { describeProblem } from '../../lib/form';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../use-page-title';

/**
 * /sub-processors — "Verwerkers en partners" (public): who runs Lesplein and how to reach its
 * privacy contact, the sub-processors that handle members' data for it, and the partners that
 * may receive data only when a member consents.
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  usePageTitle(t('subProcessors.title'));
  const page = useSubProcessors();
  const data = page.data;

  return (
    <div className="page">
      <h1>{t('subProcessors.title')}</h1>
      <p className="lead">{t('subProcessors.intro')}</p>
      {page.isPending ? <Spinner label={t('common.loading')} /> : null}
      {page.isError ? <Alert tone="error">{describeProblem(page.error).formError}</Alert> : null}
      {data ? (
        <>
          <section className="section" aria-labelledby="operator">
            <h2 id="operator">{t('subProcessors.operatorTitle')}</h2>
            <dl className="details">
              <div className="details__row">
                <dt>{t('subProcessors.operatorName')}</dt>
                <dd>{data.operator.name}</dd>
              </div>
              <div className="details__row">
                <dt>{t('subProcessors.operatorAddress')}</dt>
                <dd className="admin-text">{data.operator.address || '—'}</dd>
              </div>
              <div className="details__row">
                <dt>{t('subProcessors.privacyContact')}</dt>
                <dd>
                  <MailLink email={data.operator.privacyEmail} />
                </dd>
              </div>
            </dl>
          </section>

          <section className="section" aria-labelledby="processors">
            <h2 id="processors">{t('subProcessors.processorsTitle')}</h2>
            <p>{t('subProcessors.processorsIntro')}</p>
            {data.subProcessors.length === 0 ? (
              <p>{t('subProcessors.processorsEmpty')}</p>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">{t('subProcessors.processorsTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('subProcessors.columns.name')}</th>
                      <th scope="col">{t('subProcessors.columns.service')}</th>
                      <th scope="col">{t('subProcessors.columns.location')}</th>
                      <th scope="col">{t('subProcessors.columns.website')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.subProcessors.map((item, index) => (
                      <tr key={`${item.name}-${index}`}>
                        <th scope="row">{item.name}</th>
                        <td className="admin-text">{item.service}</td>
                        <td>{item.location}</td>
                        <td>{item.website ? <ExternalLink href={item.website} /> : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {data.updatedAt ? <p className="admin-muted">{t('subProcessors.updatedAt', { date: formatDate(data.updatedAt, language) })}</p> : null}
          </section>

          <section className="section" aria-labelledby="partners-with-consent">
            <h2 id="partners-with-consent">{t('subProcessors.partnersTitle')}</h2>
            <p>{t('subProcessors.partnersIntro')}</p>
            {data.partners.length === 0 ? (
              <p>{t('subProcessors.partnersEmpty')}</p>
            ) : (
              <ul className="admin-list" aria-label={t('subProcessors.partnersTitle')}>
                {data.partners.map((partner) => (
                  <li key={partner.id}>
                    <strong>{partner.name}</strong> ({partner.legalName}) —{' '}
                    <ExternalLink href={partner.privacyPolicyUrl}>{t('subProcessors.privacyPolicyOf', { name: partner.name })}</ExternalLink>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link to="/partners">{t('subProcessors.partnersLink')}</Link>
            </p>
          </section>
        </>
      ) : null}
    </div>
  );
}
