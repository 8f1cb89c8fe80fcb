import { useTranslation } from 'react-i18next';
import { useProfile } from '../../features/account/get-profile';
import { Alert } from '../../components/ui/alert';
import { PageSpinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { usePageTitle } from '../use-page-title';
import { ProfileDetailsForm } from './profile/profile-details-form';
import { OptionalFieldsSection } from './profile/optional-fields-section';
import { PhotoSection } from './profile/photo-section';
import { ChangeEmailForm } from './profile/change-email-form';
import { ChangePasswordForm } from './profile/change-password-form';
import { UsageSection } from './profile/usage-section';

export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('profile.title'));
  const profile = useProfile();

  if (profile.isPending) return <PageSpinner label={t('common.loading')} />;
  if (profile.isError) {
    return (
      <div className="page">
        <h1>{t('profile.title')}</h1>
        <Alert tone="error">{describeProblem(profile.error).formError}</Alert>
      </div>
    );
  }

  const data = profile.data;
  return (
    <div className="page">
      <h1>{t('profile.title')}</h1>
      <p className="lead">{t('profile.intro')}</p>
      <nav className="toc" aria-label={t('profile.tocLabel')}>
        <ul>
          <li><a href="#profile-details">{t('profile.detailsTitle')}</a></li>
          <li><a href="#profile-optional">{t('profile.optional.title')}</a></li>
          <li><a href="#profile-usage">{t('profile.usage.title')}</a></li>
          <li><a href="#profile-email">{t('profile.email.title')}</a></li>
          <li><a href="#profile-password">{t('profile.password.title')}</a></li>
        </ul>
      </nav>
      <ProfileDetailsForm profile={data} />
      <section className="section" aria-labelledby="profile-optional">
        <h2 id="profile-optional">{t('profile.optional.title')}</h2>
        <p>{t('profile.optional.intro')}</p>
        <PhotoSection profile={data} />
        <OptionalFieldsSection profile={data} />
      </section>
      <UsageSection />
      <ChangeEmailForm currentEmail={data.email} />
      <ChangePasswordForm />
    </div>
  );
}
