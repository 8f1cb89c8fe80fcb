import { useTranslation } from 'react-i18next';
import { useCurrentMember } from '../../features/auth/get-current-member';
import { Alert } from '../../components/ui/alert';
import { PageSpinner } from '../../components/ui/spinner';
import { usePageTitle } from '../use-page-title';
import { TwoFactorSection } from './security/two-factor-section';
import { SessionsSection } from './security/sessions-section';
import { LoginHistorySection } from './security/login-history-section';
import { DeleteAccountSection } from './security/delete-account-section';

export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('security.title'));
  const { data: member } = useCurrentMember();

  if (!member) return <PageSpinner label={t('common.loading')} />;
  // Until a required second factor is on, the API refuses everything else; show only the setup.
  const setupRequired = member.twoFactorSetupRequired;
  return (
    <div className="page">
      <h1>{t('security.title')}</h1>
      {setupRequired ? (
        <Alert tone="warning" title={t('security.requiredTitle')}>
          <p>{t('security.required')}</p>
        </Alert>
      ) : (
        <p className="lead">{t('security.intro')}</p>
      )}
      <TwoFactorSection member={member} />
      {!setupRequired ? (
        <>
          <SessionsSection />
          <LoginHistorySection />
          <DeleteAccountSection member={member} />
        </>
      ) : null}
    </div>
  );
}
