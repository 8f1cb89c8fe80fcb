import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EXTERNAL_REL, safeExternalHref, safeMailtoHref } from '../lib/safe-external-href';

/**
 * A link to an address that came from data (a partner's site or privacy policy). Only http(s)
 * addresses become a link, opened in a new tab without a handle on this page or a referrer;
 * anything else is shown as text (`fallback`, or the address itself).
 */
export function ExternalLink({ href, children, fallback, className }: { href: string | null | undefined; children?: ReactNode; fallback?: ReactNode; className?: string }) {
  const { t } = useTranslation();
  const safe = safeExternalHref(href);
  if (!safe) return <span className={className}>{fallback ?? children ?? href ?? ''}</span>;
  return (
    <a href={safe} target="_blank" rel={EXTERNAL_REL} className={className}>
      {children ?? safe}
      <span className="visually-hidden"> {t('common.newWindow')}</span>
    </a>
  );
}

/** A mailto: link for one plain e-mail address from data; anything else as text. */
export function MailLink({ email }: { email: string }) {
  const safe = safeMailtoHref(email);
  if (!safe) return <span>{email}</span>;
  return <a href={safe}>{email}</a>;
}
