import './my-data/my-data.css';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MyDataCategory, MyDataRecipient } from '@lesplein/contracts/my-data';
import { useMyData } from '../../features/privacy/get-my-data';
import { useSubProcessors } from '../../features/administration/get-sub-processors';
import { Alert } from '../../components/ui/alert';
import { Spinner } from '../../components/ui/spinner';
import { MailLink } from '../../components/external-link';
import { describeProblem } from '../../lib/form';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../use-page-title';
import { useScopeNames } from './partners/partner-parts';
import { modelLabel } from './my-data/my-data-labels';
import { DataExportSection } from './my-data/data-export-section';

/** An id usable in a fragment and an aria reference, from a model name. */
const sectionId = (model: string) => `my-data-${model.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * /account/my-data — "Mijn gegevens": the member's rights, every kind of record Lesplein holds
 * about them (from the data inventory: purpose, legal basis, retention, what deletion does, how
 * many records) and the partners that receive data with their consent.
 */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('myData.title'));
  const myData = useMyData();
  const labels = t('myData.models', { returnObjects: true }) as Record<string, unknown>;
  const categories = myData.data?.categories ?? [];

  return (
    <div className="page">
      <h1>{t('myData.title')}</h1>
      <p className="lead">{t('myData.intro')}</p>
      <Rights />
      <DataExportSection />

      {myData.isPending ? <Spinner label={t('common.loading')} /> : null}
      {myData.isError ? <Alert tone="error">{describeProblem(myData.error).formError}</Alert> : null}

      {myData.isSuccess ? (
        <>
          <section className="section" aria-labelledby="my-data-categories">
            <h2 id="my-data-categories">{t('myData.categoriesTitle')}</h2>
            {categories.length === 0 ? (
              <p>{t('myData.categoriesEmpty')}</p>
            ) : (
              <>
                <p>{t('myData.englishNote')}</p>
                <nav className="toc" aria-label={t('myData.contentsLabel')}>
                  <ul>
                    {categories.map((category) => (
                      <li key={category.model}>
                        <a href={`#${sectionId(category.model)}`}>{modelLabel(labels, category.model)}</a>
                      </li>
                    ))}
                    <li>
                      <a href="#my-data-recipients">{t('myData.recipientsTitle')}</a>
                    </li>
                  </ul>
                </nav>
                {categories.map((category) => (
                  <Category key={category.model} category={category} label={modelLabel(labels, category.model)} />
                ))}
              </>
            )}
          </section>
          <Recipients recipients={myData.data.recipients} />
        </>
      ) : null}
    </div>
  );
}

/** What the member may ask, and where. */
function Rights() {
  const { t } = useTranslation();
  const operator = useSubProcessors();
  const privacyEmail = operator.data?.operator.privacyEmail;
  return (
    <section className="section" aria-labelledby="my-data-rights">
      <h2 id="my-data-rights">{t('myData.rightsTitle')}</h2>
      <ul>
        <li>{t('myData.rights.access')}</li>
        <li>{t('myData.rights.portability')}</li>
        <li>
          {t('myData.rights.correction')} <Link to="/account/profile">{t('myData.rights.correctionLink')}</Link>
        </li>
        <li>
          {t('myData.rights.erasure')} <Link to="/account/security">{t('myData.rights.erasureLink')}</Link>
        </li>
        <li>{t('myData.rights.objection')}</li>
      </ul>
      <p>
        {t('myData.rights.contact')} {privacyEmail ? <MailLink email={privacyEmail} /> : null}{' '}
        {privacyEmail ? '· ' : null}
        <Link to="/sub-processors">{t('myData.rights.contactPage')}</Link>
      </p>
    </section>
  );
}

/** One kind of record: its name, how many there are, and a table of its fields. */
function Category({ category, label }: { category: MyDataCategory; label: string }) {
  const { t } = useTranslation();
  const id = sectionId(category.model);
  const captionId = `${id}-caption`;
  return (
    <section className="subsection" aria-labelledby={`${id}-title`} id={id}>
      <h3 id={`${id}-title`}>{label}</h3>
      <p className="my-data-count">{t('myData.rows', { count: category.rows })}</p>
      <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="table my-data-table">
          <caption id={captionId} className="visually-hidden">
            {t('myData.tableCaption', { category: label })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('myData.columns.field')}</th>
              <th scope="col">{t('myData.columns.purpose')}</th>
              <th scope="col">{t('myData.columns.basis')}</th>
              <th scope="col">{t('myData.columns.retention')}</th>
              <th scope="col">{t('myData.columns.atDeletion')}</th>
            </tr>
          </thead>
          <tbody>
            {category.fields.map((field) => (
              <tr key={field.field}>
                <th scope="row">
                  <code>{field.field}</code>
                </th>
                <td lang="en">{field.purpose}</td>
                <td lang="en">{field.basis}</td>
                <td lang="en">{field.retention}</td>
                <td>{t(`myData.atDeletion.${field.atDeletion}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The partners that receive data with the member's consent: which categories, since when. */
function Recipients({ recipients }: { recipients: MyDataRecipient[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const scopes = useScopeNames();
  return (
    <section className="section" aria-labelledby="my-data-recipients">
      <h2 id="my-data-recipients" tabIndex={-1}>
        {t('myData.recipientsTitle')}
      </h2>
      {recipients.length === 0 ? (
        <p>{t('myData.recipientsEmpty')}</p>
      ) : (
        <>
          <p>{t('myData.recipientsIntro')}</p>
          <div className="table-wrap" role="region" aria-labelledby="my-data-recipients-caption" tabIndex={0}>
            <table className="table my-data-table">
              <caption id="my-data-recipients-caption" className="visually-hidden">
                {t('myData.recipientsCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('myData.recipientColumns.partner')}</th>
                  <th scope="col">{t('myData.recipientColumns.categories')}</th>
                  <th scope="col">{t('myData.recipientColumns.grantedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {recipients.map((recipient) => (
                  <tr key={recipient.partnerId}>
                    <th scope="row">{recipient.partnerName}</th>
                    <td>{scopes.list(recipient.categories)}</td>
                    <td>{formatDate(recipient.grantedAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p>
        <Link to="/account/authorisations">{t('myData.authorisationsLink')}</Link>
      </p>
    </section>
  );
}
