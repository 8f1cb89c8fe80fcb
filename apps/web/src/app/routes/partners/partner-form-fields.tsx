import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTNER_SCOPES, type AdminPartnerView, type PartnerNoticeInput, type PartnerNoticeView, type PartnerScope, type UpdatePartnerRequest } from '@lesplein/contracts/partner';
import { TextAreaField, TextField } from '../../../components/ui/field';
import type { FieldErrors } from '../../../lib/form';
import { textLines } from '../../../lib/text-lines';
import { useScopeNames } from './partner-parts';

// The admin's partner forms: identity and client settings, and the privacy notice. Values are
// kept as the form shows them (lists as one entry per line) and turned into the contract's
// request shapes on submit; the contract schemas validate them.

export type IdentityValues = {
  name: string;
  legalName: string;
  address: string;
  contactEmail: string;
  dpoEmail: string;
  websiteUrl: string;
  privacyPolicyUrl: string;
  notificationUrl: string;
  redirectUris: string;
  allowedScopes: PartnerScope[];
};

export type NoticeValues = {
  serviceDescription: string;
  purposes: string;
  dataCategories: PartnerScope[];
  retention: string;
  storageLocation: string;
  subProcessors: string;
};

export const IDENTITY_FIELDS = ['name', 'legalName', 'address', 'contactEmail', 'dpoEmail', 'websiteUrl', 'privacyPolicyUrl', 'notificationUrl', 'redirectUris', 'allowedScopes'] as const;
export const NOTICE_FIELDS = ['serviceDescription', 'purposes', 'dataCategories', 'retention', 'storageLocation', 'subProcessors'] as const;

export const emptyIdentity = (): IdentityValues => ({
  name: '',
  legalName: '',
  address: '',
  contactEmail: '',
  dpoEmail: '',
  websiteUrl: '',
  privacyPolicyUrl: '',
  notificationUrl: '',
  redirectUris: '',
  allowedScopes: ['openid'],
});

export const emptyNotice = (): NoticeValues => ({ serviceDescription: '', purposes: '', dataCategories: ['openid'], retention: '', storageLocation: '', subProcessors: '' });

export function identityFrom(partner: AdminPartnerView): IdentityValues {
  return {
    name: partner.name,
    legalName: partner.legalName,
    address: partner.address,
    contactEmail: partner.contactEmail,
    dpoEmail: partner.dpoEmail,
    websiteUrl: partner.websiteUrl,
    privacyPolicyUrl: partner.privacyPolicyUrl,
    notificationUrl: partner.notificationUrl ?? '',
    redirectUris: partner.redirectUris.join('\n'),
    allowedScopes: partner.allowedScopes,
  };
}

export function noticeFrom(notice: PartnerNoticeView): NoticeValues {
  return {
    serviceDescription: notice.serviceDescription,
    purposes: notice.purposes,
    dataCategories: notice.dataCategories,
    retention: notice.retention,
    storageLocation: notice.storageLocation,
    subProcessors: notice.subProcessors.join('\n'),
  };
}

const optional = (value: string) => (value.trim() ? value.trim() : null);

/** The identity and client fields as the API takes them. */
export function identityRequest(values: IdentityValues) {
  return {
    name: values.name,
    legalName: values.legalName,
    address: values.address,
    contactEmail: values.contactEmail.trim(),
    dpoEmail: values.dpoEmail.trim(),
    websiteUrl: values.websiteUrl,
    privacyPolicyUrl: values.privacyPolicyUrl,
    notificationUrl: optional(values.notificationUrl),
    redirectUris: textLines(values.redirectUris),
    allowedScopes: withOpenid(values.allowedScopes),
  };
}

export function noticeRequest(values: NoticeValues): PartnerNoticeInput {
  return {
    serviceDescription: values.serviceDescription,
    purposes: values.purposes,
    dataCategories: withOpenid(values.dataCategories),
    retention: values.retention,
    storageLocation: values.storageLocation,
    subProcessors: textLines(values.subProcessors),
  };
}

/** Only what changed, for PATCH (an empty object means nothing to save). */
export function identityChanges(before: IdentityValues, after: IdentityValues): UpdatePartnerRequest {
  const a = identityRequest(before);
  const b = identityRequest(after);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(b) as (keyof typeof b)[]) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) changes[key] = b[key];
  }
  return changes as UpdatePartnerRequest;
}

function withOpenid(scopes: readonly PartnerScope[]): PartnerScope[] {
  return PARTNER_SCOPES.filter((scope) => scope === 'openid' || scopes.includes(scope));
}

/** Sets one field (a form's `setValue`, whose values may hold more than these fields). */
type Setter<T> = (name: keyof T, value: T[keyof T]) => void;

/** Data categories as checkboxes; `openid` is always on. */
export function ScopeChecklist({ legend, hint, value, onChange, error, disabled = false }: { legend: string; hint?: string; value: readonly PartnerScope[]; onChange: (scopes: PartnerScope[]) => void; error?: string | undefined; disabled?: boolean }) {
  const scopes = useScopeNames();
  const id = `scopes${useId().replace(/:/g, '')}`;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={['field-group', error ? 'choice-list--invalid' : ''].filter(Boolean).join(' ')} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {PARTNER_SCOPES.map((scope, index) => (
        <div className="checkbox" key={scope}>
          <input
            id={`${id}-${scope}`}
            type="checkbox"
            checked={scope === 'openid' || value.includes(scope)}
            disabled={scope === 'openid' || disabled}
            aria-invalid={error && index === 1 ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => onChange(PARTNER_SCOPES.filter((s) => s === 'openid' || (s === scope ? event.target.checked : value.includes(s))))}
          />
          <label htmlFor={`${id}-${scope}`}>
            {scopes.label(scope)} <code className="muted">({scope})</code>
          </label>
        </div>
      ))}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Identity and client settings (the client authentication is chosen once, on the create page). */
export function IdentityFields({ values, set, errors, disabled }: { values: IdentityValues; set: Setter<IdentityValues>; errors: FieldErrors; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="field-group">
        <legend>{t('adminPartners.form.identity')}</legend>
        <TextField label={t('adminPartners.form.name')} hint={t('adminPartners.form.nameHint')} value={values.name} onValueChange={(v) => set('name', v)} error={errors.name} maxLength={80} required disabled={disabled} />
        <TextField label={t('adminPartners.form.legalName')} value={values.legalName} onValueChange={(v) => set('legalName', v)} error={errors.legalName} maxLength={200} required disabled={disabled} />
        <TextAreaField label={t('adminPartners.form.address')} value={values.address} onValueChange={(v) => set('address', v)} error={errors.address} maxLength={500} rows={3} required disabled={disabled} />
        <TextField label={t('adminPartners.form.contactEmail')} type="email" value={values.contactEmail} onValueChange={(v) => set('contactEmail', v)} error={errors.contactEmail} maxLength={254} required disabled={disabled} autoComplete="off" />
        <TextField label={t('adminPartners.form.dpoEmail')} hint={t('adminPartners.form.dpoEmailHint')} type="email" value={values.dpoEmail} onValueChange={(v) => set('dpoEmail', v)} error={errors.dpoEmail} maxLength={254} required disabled={disabled} autoComplete="off" />
        <TextField label={t('adminPartners.form.websiteUrl')} type="url" value={values.websiteUrl} onValueChange={(v) => set('websiteUrl', v)} error={errors.websiteUrl} maxLength={500} required disabled={disabled} placeholder="https://" />
        <TextField label={t('adminPartners.form.privacyPolicyUrl')} type="url" value={values.privacyPolicyUrl} onValueChange={(v) => set('privacyPolicyUrl', v)} error={errors.privacyPolicyUrl} maxLength={500} required disabled={disabled} placeholder="https://" />
      </fieldset>
      <fieldset className="field-group">
        <legend>{t('adminPartners.form.client')}</legend>
        <TextAreaField
          label={t('adminPartners.form.redirectUris')}
          hint={t('adminPartners.form.redirectUrisHint')}
          value={values.redirectUris}
          onValueChange={(v) => set('redirectUris', v)}
          error={errors.redirectUris}
          rows={3}
          required
          disabled={disabled}
          className="field--mono"
          spellCheck={false}
        />
        <ScopeChecklist
          legend={t('adminPartners.form.allowedScopes')}
          hint={t('adminPartners.form.allowedScopesHint')}
          value={values.allowedScopes}
          onChange={(v) => set('allowedScopes', v)}
          error={errors.allowedScopes}
          disabled={disabled}
        />
        <TextField label={t('adminPartners.form.notificationUrl')} hint={t('adminPartners.form.notificationUrlHint')} type="url" value={values.notificationUrl} onValueChange={(v) => set('notificationUrl', v)} error={errors.notificationUrl} maxLength={500} disabled={disabled} placeholder="https://" />
      </fieldset>
    </>
  );
}

/** The privacy notice ("privacybijsluiter"). */
export function NoticeFields({ legend, values, set, errors, disabled }: { legend: string; values: NoticeValues; set: Setter<NoticeValues>; errors: FieldErrors; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field-group">
      <legend>{legend}</legend>
      <TextAreaField label={t('adminPartners.form.serviceDescription')} value={values.serviceDescription} onValueChange={(v) => set('serviceDescription', v)} error={errors.serviceDescription} maxLength={2000} rows={3} required disabled={disabled} />
      <TextAreaField label={t('adminPartners.form.purposes')} value={values.purposes} onValueChange={(v) => set('purposes', v)} error={errors.purposes} maxLength={2000} rows={3} required disabled={disabled} />
      <ScopeChecklist legend={t('adminPartners.form.dataCategories')} hint={t('adminPartners.form.dataCategoriesHint')} value={values.dataCategories} onChange={(v) => set('dataCategories', v)} error={errors.dataCategories} disabled={disabled} />
      <TextAreaField label={t('adminPartners.form.retention')} value={values.retention} onValueChange={(v) => set('retention', v)} error={errors.retention} maxLength={1000} rows={2} required disabled={disabled} />
      <TextField label={t('adminPartners.form.storageLocation')} value={values.storageLocation} onValueChange={(v) => set('storageLocation', v)} error={errors.storageLocation} maxLength={500} required disabled={disabled} />
      <TextAreaField label={t('adminPartners.form.subProcessors')} hint={t('adminPartners.form.subProcessorsHint')} value={values.subProcessors} onValueChange={(v) => set('subProcessors', v)} error={errors.subProcessors} rows={3} disabled={disabled} />
    </fieldset>
  );
}

/** Errors under `prefix.` (e.g. "notice.purposes"), without the prefix. */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => key.startsWith(`${prefix}.`)).map(([key, message]) => [key.slice(prefix.length + 1), message]));
}

/** Errors not under any prefix. */
export function errorsOutside(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => !key.startsWith(`${prefix}.`)));
}
