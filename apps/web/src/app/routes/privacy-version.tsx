import './administration/administration.css';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePolicyVersion } from '../../features/privacy-policy/get-policy-version';
import { Alert } from '../../components/ui/alert';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { usePageTitle } from '../use-page-title';
import { PolicyText, summaryOf, usePolicyLanguage, VersionLine } from './privacy/policy-parts';

/** /privacy/versions/:version — one version of the privacy statement, as it was published (public). */
export function Component() {
  const { t } = useTranslation();
  const language = usePolicyLanguage();
  const number = Number(useParams().version);
  usePageTitle(t('privacyPolicy.versionTitle', { version: number }));
  const version = usePolicyVersion(number);
  const invalid = !Number.isInteger(number) || number < 1;

  return (
    <div className="page page--narrow">
      <p>
        <Link to="/privacy">{t('privacyPolicy.backToCurrent')}</Link>
      </p>
      <h1>{t('privacyPolicy.versionTitle', { version: invalid ? '?' : number })}</h1>
      {invalid ? <Alert tone="error">{t('privacyPolicy.notFound')}</Alert> : null}
      {!invalid && version.isPending ? <Spinner label={t('common.loading')} /> : null}
      {version.isError ? <Alert tone="error">{describeProblem(version.error).formError}</Alert> : null}
      {version.data ? (
        <>
          <p className="lead">
            <VersionLine version={version.data} />
          </p>
          <section className="section" aria-labelledby="version-changes">
            <h2 id="version-changes">{t('privacyPolicy.whatChanged')}</h2>
            <p>{summaryOf(version.data, language)}</p>
          </section>
          <section className="section" aria-labelledby="version-text">
            <h2 id="version-text">{t('privacyPolicy.textTitle')}</h2>
            <PolicyText version={version.data} />
          </section>
        </>
      ) : null}
    </div>
  );
}
