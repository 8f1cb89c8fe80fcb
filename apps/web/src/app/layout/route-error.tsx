import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../use-page-title';

/** Shown when a page fails to load or render (for instance after a new release replaced its code). */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation();
  const title = t('routeError.title');
  usePageTitle(title);
  const content = (
    <div className="page page--narrow">
      <h1>{title}</h1>
      <p>{t('routeError.body')}</p>
      <p className="actions">
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {t('routeError.reload')}
        </button>
        <Link to="/" className="button button--secondary">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
  // Outside the layout (the shell itself failed) the message still needs its landmark.
  return standalone ? <main id="main">{content}</main> : content;
}
