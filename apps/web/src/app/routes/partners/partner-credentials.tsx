import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerCredentials } from '@lesplein/contracts/partner';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';

/**
 * The client id and secret, shown once right after creating a partner or replacing its secret:
 * with copy buttons and a warning that the secret cannot be shown again.
 */
export function PartnerCredentialsPanel({ credentials, onDone, doneLabel }: { credentials: PartnerCredentials; onDone: () => void; doneLabel: string }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<{ what: 'clientId' | 'clientSecret'; ok: boolean } | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [credentials]);

  const copy = async (what: 'clientId' | 'clientSecret', text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied({ what, ok: true });
    } catch {
      setCopied({ what, ok: false });
    }
  };

  return (
    <section className="credentials" aria-labelledby="partner-credentials-title">
      <h2 id="partner-credentials-title" ref={headingRef} tabIndex={-1}>
        {t('adminPartners.credentials.title')}
      </h2>
      {credentials.clientSecret ? (
        <Alert tone="warning" title={t('adminPartners.credentials.warningTitle')}>
          <p>{t('adminPartners.credentials.warning')}</p>
        </Alert>
      ) : (
        <p>{t('adminPartners.credentials.publicClient')}</p>
      )}
      <dl className="details">
        <div className="details__row">
          <dt>{t('adminPartners.credentials.clientId')}</dt>
          <dd className="credentials__value">
            <code>{credentials.clientId}</code>
            <Button variant="secondary" onClick={() => void copy('clientId', credentials.clientId)}>
              {t('adminPartners.credentials.copyClientId')}
            </Button>
          </dd>
        </div>
        {credentials.clientSecret ? (
          <div className="details__row">
            <dt>{t('adminPartners.credentials.clientSecret')}</dt>
            <dd className="credentials__value">
              <code data-testid="client-secret">{credentials.clientSecret}</code>
              <Button variant="secondary" onClick={() => void copy('clientSecret', credentials.clientSecret ?? '')}>
                {t('adminPartners.credentials.copySecret')}
              </Button>
            </dd>
          </div>
        ) : null}
      </dl>
      <p role="status" className="credentials__status">
        {copied ? (copied.ok ? t(`adminPartners.credentials.copied.${copied.what}`) : t('adminPartners.credentials.copyFailed')) : ''}
      </p>
      <div className="actions">
        <Button onClick={onDone}>{doneLabel}</Button>
      </div>
    </section>
  );
}
