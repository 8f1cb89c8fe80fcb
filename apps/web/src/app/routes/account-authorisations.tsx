import './partners/partners.css';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AuthorisationView } from '@lesplein/contracts/partner';
import { useAuthorisations } from '../../features/partners/list-authorisations';
import { useDisclosures } from '../../features/partners/list-disclosures';
import { consentReceiptFileName, consentReceiptUrl } from '../../features/partners/get-consent-receipt';
import { useRevokeAuthorisation } from '../../features/partners/revoke-authorisation';
import { useRevokeAllAuthorisations } from '../../features/partners/revoke-all-authorisations';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/dialog';
import { Spinner } from '../../components/ui/spinner';
import { MailLink } from '../../components/external-link';
import { describeProblem } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../use-page-title';
import { PartnerHeading, PartnerIdentityDetails, useScopeNames } from './partners/partner-parts';

type Message = { tone: 'success' | 'error'; text: string } | null;

/**
 * /account/authorisations — "Externe autorisaties": the partners the member lets log them in
 * and receive data, what each received and when, the consent receipt, and withdrawal (one or all).
 */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('authorisations.title'));
  const authorisations = useAuthorisations();
  const revoke = useRevokeAuthorisation();
  const revokeAll = useRevokeAllAuthorisations();
  const [message, setMessage] = useState<Message>(null);
  const [confirming, setConfirming] = useState<AuthorisationView | 'all' | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const active = authorisations.data?.active ?? [];
  const withdrawn = authorisations.data?.withdrawn ?? [];

  const close = () => {
    setConfirming(null);
    setConfirmError(null);
  };

  const onConfirm = () => {
    setConfirmError(null);
    setMessage(null);
    const onError = (error: unknown) => setConfirmError(describeProblem(error).formError);
    if (confirming === 'all') {
      revokeAll.mutate(undefined, {
        onSuccess: (result) => {
          close();
          setMessage({ tone: 'success', text: t('authorisations.revokedAll', { count: result.withdrawn }) });
        },
        onError,
      });
    } else if (confirming) {
      const name = confirming.partner.name;
      revoke.mutate(confirming.consentId, {
        onSuccess: () => {
          close();
          setMessage({ tone: 'success', text: t('authorisations.revoked', { name }) });
        },
        onError,
      });
    }
  };

  return (
    <div className="page">
      <h1>{t('authorisations.title')}</h1>
      <p className="lead">{t('authorisations.intro')}</p>
      {message ? (
        <Alert tone={message.tone} focusOnMount>
          {message.text}
        </Alert>
      ) : null}
      {authorisations.isPending ? <Spinner label={t('common.loading')} /> : null}
      {authorisations.isError ? <Alert tone="error">{describeProblem(authorisations.error).formError}</Alert> : null}

      {authorisations.isSuccess ? (
        <section aria-labelledby="authorisations-active">
          <h2 id="authorisations-active">{t('authorisations.activeTitle')}</h2>
          {active.length === 0 ? (
            <div className="section">
              <p>{t('authorisations.empty')}</p>
              <p>
                <Link to="/partners">{t('authorisations.partnersLink')}</Link>
              </p>
            </div>
          ) : (
            <>
              <ul className="plain-list authorisation-list" aria-label={t('authorisations.activeTitle')}>
                {active.map((item) => (
                  <li key={item.consentId}>
                    <ActiveAuthorisation item={item} onRevoke={() => setConfirming(item)} />
                  </li>
                ))}
              </ul>
              <div className="actions">
                <Button variant="danger" onClick={() => setConfirming('all')}>
                  {t('authorisations.revokeAll')}
                </Button>
              </div>
            </>
          )}
        </section>
      ) : null}

      {withdrawn.length > 0 ? (
        <section className="section" aria-labelledby="authorisations-withdrawn">
          <h2 id="authorisations-withdrawn">{t('authorisations.withdrawnTitle')}</h2>
          <p>{t('authorisations.withdrawnIntro')}</p>
          <details className="disclosure">
            <summary>{t('authorisations.withdrawnShow', { count: withdrawn.length })}</summary>
            <div className="disclosure__body">
              <ul className="item-list" aria-label={t('authorisations.withdrawnTitle')}>
                {withdrawn.map((item) => (
                  <WithdrawnAuthorisation key={item.consentId} item={item} />
                ))}
              </ul>
            </div>
          </details>
        </section>
      ) : null}

      <ConfirmDialog
        open={confirming !== null}
        title={confirming === 'all' ? t('authorisations.revokeAllTitle') : t('authorisations.revokeTitle', { name: confirming?.partner.name ?? '' })}
        confirmLabel={confirming === 'all' ? t('authorisations.revokeAllConfirm') : t('authorisations.revokeConfirm')}
        busyLabel={t('authorisations.revoking')}
        busy={revoke.isPending || revokeAll.isPending}
        error={confirmError}
        onConfirm={onConfirm}
        onCancel={close}
      >
        {confirming === 'all' ? (
          <p>{t('authorisations.revokeAllBody', { count: active.length })}</p>
        ) : confirming ? (
          <>
            <p>{t('authorisations.revokeBody', { name: confirming.partner.name })}</p>
            <p>
              {t('authorisations.responsibility', { name: confirming.partner.name })} <MailLink email={confirming.partner.dpoEmail} />
            </p>
          </>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}

function ActiveAuthorisation({ item, onRevoke }: { item: AuthorisationView; onRevoke: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const scopes = useScopeNames();
  const { partner } = item;
  const headingId = `authorisation-${item.consentId}`;
  return (
    <article className="section authorisation" aria-labelledby={headingId}>
      <PartnerHeading partner={partner} level={3} id={headingId} />
      <dl className="details">
        <div className="details__row">
          <dt>{t('authorisations.shared')}</dt>
          <dd>{scopes.list(item.grantedScopes)}</dd>
        </div>
        <div className="details__row">
          <dt>{t('authorisations.refused')}</dt>
          <dd>{scopes.list(item.refusedScopes)}</dd>
        </div>
        <div className="details__row">
          <dt>{t('authorisations.grantedAt')}</dt>
          <dd>{formatDateTime(item.grantedAt, language)}</dd>
        </div>
        <div className="details__row">
          <dt>{t('authorisations.lastDisclosure')}</dt>
          <dd>{item.lastDisclosureAt ? formatDateTime(item.lastDisclosureAt, language) : t('authorisations.neverDisclosed')}</dd>
        </div>
        <div className="details__row">
          <dt>{t('authorisations.noticeVersion')}</dt>
          <dd>
            {t('authorisations.noticeVersionValue', { version: item.noticeVersion })}
            {item.noticeOutdated ? (
              <>
                {' '}
                <span className="badge badge--warning">{t('authorisations.noticeOutdated')}</span>
                <span className="partner-note"> {t('authorisations.noticeOutdatedHint', { name: partner.name })}</span>
              </>
            ) : null}
          </dd>
        </div>
      </dl>
      <PartnerIdentityDetails partner={partner} include="contact" />
      <p className="partner-note">
        {t('authorisations.responsibility', { name: partner.name })} <MailLink email={partner.dpoEmail} />
      </p>
      <DisclosureHistory consentId={item.consentId} partnerName={partner.name} />
      <div className="actions">
        <a className="button button--secondary" href={consentReceiptUrl(item.consentId)} download={consentReceiptFileName(item.consentId)}>
          {t('authorisations.receipt')}
          <span className="visually-hidden"> {partner.name}</span>
        </a>
        <Button variant="danger" onClick={onRevoke}>
          {t('authorisations.revoke', { name: partner.name })}
        </Button>
      </div>
    </article>
  );
}

/** When the partner received which categories; loaded when opened, newest first, page by page. */
function DisclosureHistory({ consentId, partnerName }: { consentId: string; partnerName: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const scopes = useScopeNames();
  const [open, setOpen] = useState(false);
  const history = useDisclosures(consentId, open);
  const items = history.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <details className="disclosure" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('authorisations.historyTitle', { name: partnerName })}</summary>
      <div className="disclosure__body">
        {history.isPending && open ? <Spinner label={t('common.loading')} /> : null}
        {history.isError ? <Alert tone="error">{describeProblem(history.error).formError}</Alert> : null}
        {history.isSuccess && items.length === 0 ? <p>{t('authorisations.historyEmpty', { name: partnerName })}</p> : null}
        {items.length > 0 ? (
          <ol className="disclosure-list" aria-label={t('authorisations.historyTitle', { name: partnerName })}>
            {items.map((item) => (
              <li key={item.id}>
                <time dateTime={item.disclosedAt}>{formatDateTime(item.disclosedAt, language)}</time> · {t(`authorisations.channels.${item.channel}`)} · {scopes.list(item.categories)}
              </li>
            ))}
          </ol>
        ) : null}
        {history.hasNextPage ? (
          <Button variant="secondary" onClick={() => void history.fetchNextPage()} busy={history.isFetchingNextPage} busyLabel={t('common.loadingMore')}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </div>
    </details>
  );
}

function WithdrawnAuthorisation({ item }: { item: AuthorisationView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const scopes = useScopeNames();
  return (
    <li className="item-list__item">
      <div className="item-list__main">
        <h3 className="item-list__title">{item.partner.name}</h3>
        <p className="item-list__meta">
          {t('authorisations.withdrawnMeta', {
            granted: formatDateTime(item.grantedAt, language),
            withdrawn: item.withdrawnAt ? formatDateTime(item.withdrawnAt, language) : '—',
          })}
          {item.withdrawnBy ? ` · ${t(`authorisations.withdrawnBy.${item.withdrawnBy}`)}` : ''}
        </p>
        <p className="item-list__meta">
          {t('authorisations.shared')}: {scopes.list(item.grantedScopes)}
        </p>
        <p className="item-list__meta">
          {t('authorisations.responsibility', { name: item.partner.name })} <MailLink email={item.partner.dpoEmail} />
        </p>
      </div>
      <div className="item-list__actions">
        <a className="button button--secondary" href={consentReceiptUrl(item.consentId)} download={consentReceiptFileName(item.consentId)}>
          {t('authorisations.receipt')}
          <span className="visually-hidden"> {item.partner.name}</span>
        </a>
      </div>
    </li>
  );
}
