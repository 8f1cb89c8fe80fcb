import './partners/partners.css';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CreatePartnerRequest, PartnerClientAuth, type PartnerCreated } from '@lesplein/contracts/partner';
import { useCreatePartner } from '../../features/partners/create-partner';
import { Button } from '../../components/ui/button';
import { SelectField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { describeProblem, validateWith, type FieldErrors } from '../../lib/form';
import { foldFieldErrors } from '../../lib/fold-field-errors';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';
import { PartnerCredentialsPanel } from './partners/partner-credentials';
import {
  emptyIdentity,
  emptyNotice,
  errorsOutside,
  errorsUnder,
  IDENTITY_FIELDS,
  IdentityFields,
  identityRequest,
  NOTICE_FIELDS,
  NoticeFields,
  noticeRequest,
  type IdentityValues,
} from './partners/partner-form-fields';

type CreateValues = IdentityValues & { clientAuth: PartnerClientAuth };

const FIELDS = [...IDENTITY_FIELDS, 'clientAuth', ...NOTICE_FIELDS.map((name) => `notice.${name}`)];

/**
 * /admin/partners/new — registers a partner (identity, client settings, first privacy notice).
 * The answer carries the client secret, shown here once.
 */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('adminPartners.newTitle'));
  const navigate = useNavigate();
  const create = useCreatePartner();
  const [initialIdentity] = useState<CreateValues>(() => ({ ...emptyIdentity(), clientAuth: 'client_secret_basic' }));
  const [initialNotice] = useState(emptyNotice);
  const identity = useForm<CreateValues>(initialIdentity);
  const notice = useForm(initialNotice);
  const [created, setCreated] = useState<PartnerCreated | null>(null);

  const showErrors = (errors: FieldErrors, message: string | null) => {
    const folded = foldFieldErrors(errors, FIELDS);
    notice.invalid(errorsUnder(folded.fieldErrors, 'notice'));
    // Last, so its focus effect (on the whole form) runs with every error in place.
    identity.invalid(errorsOutside(folded.fieldErrors, 'notice'), [message, ...folded.rest].filter(Boolean).join(' ') || null);
  };

  const submit = () => {
    const request = { ...identityRequest(identity.values), clientAuth: identity.values.clientAuth, notice: noticeRequest(notice.values) };
    const checked = validateWith(CreatePartnerRequest, request);
    if (!checked.success) {
      showErrors(checked.fieldErrors, null);
      return;
    }
    identity.clearErrors();
    notice.clearErrors();
    create.mutate(request, {
      onSuccess: setCreated,
      onError: (error) => {
        const described = describeProblem(error, { fields: FIELDS });
        showErrors(described.fieldErrors, described.formError);
      },
    });
  };

  if (created) {
    return (
      <div className="page">
        <h1>{t('adminPartners.createdTitle', { name: created.partner.name })}</h1>
        <PartnerCredentialsPanel
          credentials={created.credentials}
          doneLabel={t('adminPartners.credentials.toPartner')}
          onDone={() => void navigate(`/admin/partners/${encodeURIComponent(created.partner.id)}`)}
        />
      </div>
    );
  }

  const clientAuthOptions = PartnerClientAuth.options.map((value) => ({ value, label: t(`adminPartners.clientAuth.${value}`) }));
  return (
    <div className="page page--form">
      <p>
        <Link to="/admin/partners">{t('adminPartners.back')}</Link>
      </p>
      <h1 id="new-partner-title">{t('adminPartners.newTitle')}</h1>
      <p className="lead">{t('adminPartners.newIntro')}</p>
      <Form labelledBy="new-partner-title" onSubmit={onSubmit(submit)} error={identity.formError} formRef={identity.formRef}>
        <IdentityFields values={identity.values} set={identity.setValue} errors={identity.fieldErrors} disabled={create.isPending} />
        <SelectField
          label={t('adminPartners.form.clientAuth')}
          hint={t('adminPartners.form.clientAuthHint')}
          value={identity.values.clientAuth}
          options={clientAuthOptions}
          onValueChange={(v) => identity.setValue('clientAuth', v as PartnerClientAuth)}
          error={identity.fieldErrors.clientAuth}
          disabled={create.isPending}
        />
        <NoticeFields legend={t('adminPartners.form.firstNotice')} values={notice.values} set={notice.setValue} errors={notice.fieldErrors} disabled={create.isPending} />
        <div className="actions">
          <Button type="submit" busy={create.isPending} busyLabel={t('adminPartners.creating')}>
            {t('adminPartners.create')}
          </Button>
          <Link to="/admin/partners">{t('common.cancel')}</Link>
        </div>
      </Form>
    </div>
  );
}
