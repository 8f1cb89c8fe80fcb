import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../use-page-title';
import { ResourceEditor } from './resources/resource-editor';

/** /resources/new — share a resource: files or a link, the description, then preview and publish. */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('resources.new.title'));
  return (
    <div className="page">
      <h1 id="resource-form-title">{t('resources.new.title')}</h1>
      <p className="lead">{t('resources.new.intro')}</p>
      <ResourceEditor initial={null} labelledBy="resource-form-title" />
    </div>
  );
}
