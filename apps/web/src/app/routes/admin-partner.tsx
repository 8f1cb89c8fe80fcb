import './partners/partners.css';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PartnerNoticeInput, UpdatePartnerRequest, type AdminPartnerView, type PartnerCredentials } from '@lesplein/contracts/partner';
import { useAdminPartner } from '../../features/partners/get-admin-partner';
import { usePublishPartnerNotice } from '../../features/partners/publish-partner-notice';
import { useReactivatePartner } from '../../features/partners/reactivate-partner';
import { useRotatePartnerSecret } from '../../features/partners/rotate-partner-secret';
import { useSuspendPartner } from '../../features/partners/suspend-partner';
import { useUpdatePartner } from '../../features/partners/update-partner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/dialog';
import { Form } from '../../components/ui/form';
import { PageSpinner } from '../../components/ui/spinner';
import { ExternalLink } from '../../components/external-link';
import { isApiError } from '../../lib/api-client';
import { describeProblem, validateWith, type FieldErrors } from '../../lib/form';
import { foldFieldErrors } from '../../lib/fold-field-errors';
import { formatCount, formatDateTime } from '../../lib/format';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';
import { PartnerCredentialsPanel } from './partners/partner-credentials';
import {
  IDENTITY_FIELDS,
  IdentityFields,
  identityChanges,
  identityFrom,
  NOTICE_FIELDS,
  NoticeFields,
  noticeFrom,
  noticeRequest,
} from './partners/partner-form-fields';
import { PartnerLogoSection } from './partners/partner-logo-section';
import { PartnerHeading, PartnerIdentityDetails, PartnerNoticeDetails, useScopeNames } from './partners/partner-parts';
import { PartnerStatusBadge } from './partners/partner-status';

type Message = { tone: 'success' | 'error'; text: string } | null;
type Editing = 'identity' | 'notice' | null;

/**
 * /admin/partners/:id — admins: one partner. Edit its identity and client settings, upload or
 * remove its logo, publish a new version of its privacy notice, replace its client secret (shown
 * once), suspend or reactivate.
 */
export function Component() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const partner = useAdminPartner(id);
  usePageTitle(partner.data?.name ?? t('adminPartners.title'));

  if (partner.isPending) return <PageSpinner label={t('common.loading')} />;
  if (partner.isError) {
    const missing = isApiError(partner.error) && (partner.error.status === 404 || partner.error.status === 400);
    return (
      <div className="page page--narrow">
        <h1>{missing ? t('adminPartners.notFound') : t('adminPartners.title')}</h1>
        {missing ? null : <Alert tone="error">{describeProblem(partner.error).formError}</Alert>}
        <p>
          <Link to="/admin/partners">{t('adminPartners.back')}</Link>
        </p>
      </div>
    );
  }
  return <PartnerAdmin partner={partner.data} />;
}

function PartnerAdmin({ partner }: { partner: AdminPartnerView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const scopes = useScopeNames();
  const [message, setMessage] = useState<Message>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [confirm, setConfirm] = useState<'suspend' | 'reactivate' | 'secret' | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [credentials, setCredentials] = useState<PartnerCredentials | null>(null);
  const suspend = useSuspendPartner();
  const reactivate = useReactivatePartner();
  const rotate = useRotatePartnerSecret();
  const olderNotices = partner.notices.filter((notice) => notice.version !== partner.notice.version);

  const done = (text: string) => {
    setEditing(null);
    setMessage({ tone: 'success', text });
  };

  const startEditing = (what: Editing) => {
    setMessage(null);
    setEditing(what);
  };

  const ask = (what: 'suspend' | 'reactivate' | 'secret') => {
    setMessage(null);
    setConfirm(what);
  };

  const closeConfirm = () => {
    setConfirm(null);
    setConfirmError(null);
  };

  const succeeded = (text: string) => {
    closeConfirm();
    setMessage({ tone: 'success', text });
  };

  const onConfirm = () => {
    setConfirmError(null);
    setMessage(null);
    const onError = (error: unknown) => setConfirmError(describeProblem(error).formError);
    if (confirm === 'suspend') {
      suspend.mutate(partner.id, { onSuccess: () => succeeded(t('adminPartners.suspended', { name: partner.name })), onError });
    } else if (confirm === 'reactivate') {
      reactivate.mutate(partner.id, { onSuccess: () => succeeded(t('adminPartners.reactivated', { name: partner.name })), onError });
    } else if (confirm === 'secret') {
      rotate.mutate(partner.id, {
        onSuccess: (result) => {
          closeConfirm();
          setCredentials(result);
        },
        onError,
      });
    }
  };

  if (credentials) {
    return (
      <div className="page">
        <h1>{t('adminPartners.secretTitle', { name: partner.name })}</h1>
        <PartnerCredentialsPanel credentials={credentials} doneLabel={t('adminPartners.credentials.done')} onDone={() => setCredentials(null)} />
      </div>
    );
  }

  return (
    <div className="page">
      <p>
        <Link to="/admin/partners">{t('adminPartners.back')}</Link>
      </p>
      <PartnerHeading partner={partner} level={1} />
      <p>
        <PartnerStatusBadge status={partner.status} />{' '}
        {partner.suspendedAt ? t('adminPartners.suspendedAt', { time: formatDateTime(partner.suspendedAt, language) }) : null}
      </p>
      {message ? (
        <Alert tone={message.tone} focusOnMount>
          {message.text}
        </Alert>
      ) : null}

      <section className="section" aria-labelledby="partner-identity">
        <h2 id="partner-identity">{t('adminPartners.identityTitle')}</h2>
        {editing === 'identity' ? (
          <EditIdentity partner={partner} onCancel={() => setEditing(null)} onDone={() => done(t('adminPartners.saved'))} />
        ) : (
          <>
            <PartnerIdentityDetails partner={partner} />
            <dl className="details">
              <div className="details__row">
                <dt>{t('adminPartners.credentials.clientId')}</dt>
                <dd>
                  <code>{partner.clientId}</code>
                </dd>
              </div>
              <div className="details__row">
                <dt>{t('adminPartners.form.clientAuth')}</dt>
                <dd>{t(`adminPartners.clientAuth.${partner.clientAuth}`)}</dd>
              </div>
              <div className="details__row">
                <dt>{t('adminPartners.form.redirectUris')}</dt>
                <dd>
                  <ul className="partner-list">
                    {partner.redirectUris.map((uri) => (
                      <li key={uri}>
                        <code>{uri}</code>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
              <div className="details__row">
                <dt>{t('adminPartners.form.allowedScopes')}</dt>
                <dd>{scopes.list(partner.allowedScopes)}</dd>
              </div>
              <div className="details__row">
                <dt>{t('adminPartners.form.notificationUrl')}</dt>
                <dd>{partner.notificationUrl ? <ExternalLink href={partner.notificationUrl} /> : t('adminPartners.none')}</dd>
              </div>
              <div className="details__row">
                <dt>{t('adminPartners.columns.consents')}</dt>
                <dd>{formatCount(partner.activeConsents, language)}</dd>
              </div>
              <div className="details__row">
                <dt>{t('adminPartners.createdAt')}</dt>
                <dd>{formatDateTime(partner.createdAt, language)}</dd>
              </div>
            </dl>
            <div className="actions">
              <Button variant="secondary" onClick={() => startEditing('identity')} disabled={editing !== null}>
                {t('adminPartners.edit')}
              </Button>
            </div>
          </>
        )}
      </section>

      <PartnerLogoSection partner={partner} />

      <section className="section" aria-labelledby="partner-notice">
        <h2 id="partner-notice">{t('adminPartners.noticeTitle')}</h2>
        {editing === 'notice' ? (
          <PublishNotice partner={partner} onCancel={() => setEditing(null)} onDone={(version) => done(t('adminPartners.noticePublished', { version }))} />
        ) : (
          <>
            <PartnerNoticeDetails notice={partner.notice} />
            <div className="actions">
              <Button variant="secondary" onClick={() => startEditing('notice')} disabled={editing !== null}>
                {t('adminPartners.newNotice')}
              </Button>
            </div>
          </>
        )}
        {olderNotices.length > 0 ? (
          <details className="disclosure">
            <summary>{t('adminPartners.noticeHistory', { count: olderNotices.length })}</summary>
            <div className="disclosure__body">
              {olderNotices.map((notice) => (
                <div key={notice.version} className="subsection">
                  <h3>{t('adminPartners.noticeVersion', { version: notice.version })}</h3>
                  <PartnerNoticeDetails notice={notice} />
                </div>
              ))}
            </div>
          </details>
        ) : null}
      </section>

      <section className="section" aria-labelledby="partner-secret">
        <h2 id="partner-secret">{t('adminPartners.secretSection')}</h2>
        {partner.clientAuth === 'none' ? (
          <p>{t('adminPartners.noSecret')}</p>
        ) : (
          <>
            <p>{t('adminPartners.secretIntro')}</p>
            <Button variant="secondary" onClick={() => ask('secret')}>
              {t('adminPartners.rotateSecret')}
            </Button>
          </>
        )}
      </section>

      <section className="section" aria-labelledby="partner-status">
        <h2 id="partner-status">{t('adminPartners.statusSection')}</h2>
        {partner.status === 'active' ? (
          <>
            <p>{t('adminPartners.suspendIntro')}</p>
            <Button variant="danger" onClick={() => ask('suspend')}>
              {t('adminPartners.suspend')}
            </Button>
          </>
        ) : (
          <>
            <p>{t('adminPartners.reactivateIntro')}</p>
            <Button variant="secondary" onClick={() => ask('reactivate')}>
              {t('adminPartners.reactivate')}
            </Button>
          </>
        )}
      </section>

      <ConfirmDialog
        open={confirm !== null}
        title={confirm ? t(`adminPartners.confirm.${confirm}.title`, { name: partner.name }) : ''}
        confirmLabel={confirm ? t(`adminPartners.confirm.${confirm}.action`) : ''}
        busyLabel={t('common.saving')}
        busy={suspend.isPending || reactivate.isPending || rotate.isPending}
        error={confirmError}
        onConfirm={onConfirm}
        onCancel={closeConfirm}
      >
        {confirm ? <p>{t(`adminPartners.confirm.${confirm}.body`, { name: partner.name, count: partner.activeConsents })}</p> : null}
      </ConfirmDialog>
    </div>
  );
}

function EditIdentity({ partner, onCancel, onDone }: { partner: AdminPartnerView; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [initial] = useState(() => identityFrom(partner));
  const form = useForm(initial);
  const update = useUpdatePartner();
  const fields = [...IDENTITY_FIELDS];

  const show = (errors: FieldErrors, message: string | null) => {
    const folded = foldFieldErrors(errors, fields);
    form.invalid(folded.fieldErrors, [message, ...folded.rest].filter(Boolean).join(' ') || null);
  };

  const submit = () => {
    const changes = identityChanges(initial, form.values);
    if (Object.keys(changes).length === 0) {
      form.invalid({}, t('adminPartners.nothingChanged'));
      return;
    }
    const checked = validateWith(UpdatePartnerRequest, changes);
    if (!checked.success) {
      show(checked.fieldErrors, null);
      return;
    }
    form.clearErrors();
    update.mutate(
      { id: partner.id, changes },
      {
        onSuccess: onDone,
        onError: (error) => {
          const described = describeProblem(error, { fields });
          show(described.fieldErrors, described.formError);
        },
      },
    );
  };

  return (
    <Form label={t('adminPartners.editTitle', { name: partner.name })} onSubmit={onSubmit(submit)} error={form.formError} formRef={form.formRef}>
      <IdentityFields values={form.values} set={form.setValue} errors={form.fieldErrors} disabled={update.isPending} />
      <div className="actions">
        <Button type="submit" busy={update.isPending} busyLabel={t('common.saving')}>
          {t('adminPartners.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={update.isPending}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  );
}

function PublishNotice({ partner, onCancel, onDone }: { partner: AdminPartnerView; onCancel: () => void; onDone: (version: number) => void }) {
  const { t } = useTranslation();
  const [initial] = useState(() => noticeFrom(partner.notice));
  const form = useForm(initial);
  const publish = usePublishPartnerNotice();
  const fields = [...NOTICE_FIELDS];

  const show = (errors: FieldErrors, message: string | null) => {
    const folded = foldFieldErrors(errors, fields);
    form.invalid(folded.fieldErrors, [message, ...folded.rest].filter(Boolean).join(' ') || null);
  };

  const submit = () => {
    const notice = noticeRequest(form.values);
    const checked = validateWith(PartnerNoticeInput, notice);
    if (!checked.success) {
      show(checked.fieldErrors, null);
      return;
    }
    form.clearErrors();
    publish.mutate(
      { id: partner.id, notice },
      {
        onSuccess: (updated) => onDone(updated.notice.version),
        onError: (error) => {
          const described = describeProblem(error, { fields });
          show(described.fieldErrors, described.formError);
        },
      },
    );
  };

  return (
    <Form label={t('adminPartners.newNoticeTitle', { version: partner.notice.version + 1 })} onSubmit={onSubmit(submit)} error={form.formError} formRef={form.formRef}>
      <Alert tone="info">{t('adminPartners.newNoticeIntro', { name: partner.name, count: partner.activeConsents })}</Alert>
      <NoticeFields legend={t('adminPartners.newNoticeTitle', { version: partner.notice.version + 1 })} values={form.values} set={form.setValue} errors={form.fieldErrors} disabled={publish.isPending} />
      <div className="actions">
        <Button type="submit" busy={publish.isPending} busyLabel={t('adminPartners.publishing')}>
          {t('adminPartners.publish')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={publish.isPending}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  );
}
