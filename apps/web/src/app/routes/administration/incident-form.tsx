import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IncidentInput, type IncidentView } from '@lesplein/contracts/incident';
import { Button } from '../../../components/ui/button';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { Form } from '../../../components/ui/form';
import { fromDateTimeLocal, toDateTimeLocal } from '../../../lib/datetime-local';
import { describeProblem, validateWith, type FieldErrors } from '../../../lib/form';
import { foldFieldErrors } from '../../../lib/fold-field-errors';
import { textLines } from '../../../lib/text-lines';
import { onSubmit, useForm } from '../../../lib/use-form';

// The incident register's form, for a new entry and for editing one (the API replaces the
// whole entry). Values are kept as the inputs show them: dates as datetime-local values in the
// browser's time zone, data categories one per line, numbers as typed; they become the
// contract's request on submit and the contract checks them.

export type IncidentValues = {
  foundAt: string;
  occurredAt: string;
  nature: string;
  cause: string;
  measures: string;
  dataCategories: string;
  peopleAffected: string;
  recordsAffected: string;
  authorityNotifiedAt: string;
  peopleNotifiedAt: string;
  status: 'open' | 'closed';
};

export const INCIDENT_FIELDS = [
  'foundAt',
  'occurredAt',
  'nature',
  'cause',
  'measures',
  'dataCategories',
  'peopleAffected',
  'recordsAffected',
  'authorityNotifiedAt',
  'peopleNotifiedAt',
  'status',
] as const;

export function emptyIncident(): IncidentValues {
  return {
    foundAt: '',
    occurredAt: '',
    nature: '',
    cause: '',
    measures: '',
    dataCategories: '',
    peopleAffected: '',
    recordsAffected: '',
    authorityNotifiedAt: '',
    peopleNotifiedAt: '',
    status: 'open',
  };
}

export function incidentValues(incident: IncidentView): IncidentValues {
  const count = (value: number | null) => (value === null ? '' : String(value));
  return {
    foundAt: toDateTimeLocal(incident.foundAt),
    occurredAt: toDateTimeLocal(incident.occurredAt),
    nature: incident.nature,
    cause: incident.cause,
    measures: incident.measures,
    dataCategories: incident.dataCategories.join('\n'),
    peopleAffected: count(incident.peopleAffected),
    recordsAffected: count(incident.recordsAffected),
    authorityNotifiedAt: toDateTimeLocal(incident.authorityNotifiedAt),
    peopleNotifiedAt: toDateTimeLocal(incident.peopleNotifiedAt),
    status: incident.status,
  };
}

/** A number field: empty means unknown (null); anything else goes to the contract as a number if it is one. */
function countValue(value: string): number | string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : trimmed;
}

export function incidentRequest(values: IncidentValues): IncidentInput {
  return {
    foundAt: fromDateTimeLocal(values.foundAt) as string,
    occurredAt: fromDateTimeLocal(values.occurredAt),
    nature: values.nature.trim(),
    cause: values.cause.trim(),
    measures: values.measures.trim(),
    dataCategories: textLines(values.dataCategories),
    peopleAffected: countValue(values.peopleAffected) as number | null,
    recordsAffected: countValue(values.recordsAffected) as number | null,
    authorityNotifiedAt: fromDateTimeLocal(values.authorityNotifiedAt),
    peopleNotifiedAt: fromDateTimeLocal(values.peopleNotifiedAt),
    status: values.status,
  };
}

export interface IncidentFormProps {
  label: string;
  initial: IncidentValues;
  submitLabel: string;
  busy: boolean;
  /** Sends the request; rejects with the API's error. */
  save: (input: IncidentInput) => Promise<unknown>;
  onCancel: () => void;
}

export function IncidentForm({ label, initial, submitLabel, busy, save, onCancel }: IncidentFormProps) {
  const { t } = useTranslation();
  const [start] = useState(initial);
  const form = useForm<IncidentValues>(start);
  const fields = [...INCIDENT_FIELDS];
  const v = form.values;

  const show = (errors: FieldErrors, message: string | null) => {
    const folded = foldFieldErrors(errors, fields);
    form.invalid(folded.fieldErrors, [message, ...folded.rest].filter(Boolean).join(' ') || null);
  };

  const submit = async () => {
    const request = incidentRequest(form.values);
    const checked = validateWith(IncidentInput, request);
    if (!checked.success) {
      show(checked.fieldErrors, null);
      return;
    }
    form.clearErrors();
    try {
      await save(request);
    } catch (error) {
      const described = describeProblem(error, { fields });
      show(described.fieldErrors, described.formError);
    }
  };

  const dateField = (name: 'foundAt' | 'occurredAt' | 'authorityNotifiedAt' | 'peopleNotifiedAt', hint?: string) => (
    <TextField
      label={t(`administration.incidents.fields.${name}`)}
      hint={hint}
      type="datetime-local"
      name={name}
      required={name === 'foundAt'}
      value={v[name]}
      onValueChange={(value) => form.setValue(name, value)}
      error={form.fieldErrors[name]}
      disabled={busy}
    />
  );

  return (
    <Form label={label} onSubmit={onSubmit(submit)} error={form.formError} formRef={form.formRef}>
      <p className="form__note">{t('administration.incidents.timeZoneNote')}</p>
      <div className="field-row">
        {dateField('foundAt')}
        {dateField('occurredAt', t('administration.incidents.occurredAtHint'))}
      </div>
      <TextAreaField label={t('administration.incidents.fields.nature')} name="nature" rows={3} maxLength={2000} value={v.nature} onValueChange={(value) => form.setValue('nature', value)} error={form.fieldErrors.nature} disabled={busy} />
      <TextAreaField label={t('administration.incidents.fields.cause')} name="cause" rows={3} maxLength={2000} value={v.cause} onValueChange={(value) => form.setValue('cause', value)} error={form.fieldErrors.cause} disabled={busy} />
      <TextAreaField label={t('administration.incidents.fields.measures')} name="measures" rows={4} maxLength={4000} value={v.measures} onValueChange={(value) => form.setValue('measures', value)} error={form.fieldErrors.measures} disabled={busy} />
      <TextAreaField
        label={t('administration.incidents.fields.dataCategories')}
        hint={t('administration.incidents.dataCategoriesHint')}
        name="dataCategories"
        rows={4}
        value={v.dataCategories}
        onValueChange={(value) => form.setValue('dataCategories', value)}
        error={form.fieldErrors.dataCategories}
        disabled={busy}
      />
      <div className="field-row">
        <TextField
          label={t('administration.incidents.fields.peopleAffected')}
          hint={t('administration.incidents.unknownHint')}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          name="peopleAffected"
          value={v.peopleAffected}
          onValueChange={(value) => form.setValue('peopleAffected', value)}
          error={form.fieldErrors.peopleAffected}
          disabled={busy}
        />
        <TextField
          label={t('administration.incidents.fields.recordsAffected')}
          hint={t('administration.incidents.unknownHint')}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          name="recordsAffected"
          value={v.recordsAffected}
          onValueChange={(value) => form.setValue('recordsAffected', value)}
          error={form.fieldErrors.recordsAffected}
          disabled={busy}
        />
      </div>
      <div className="field-row">
        {dateField('authorityNotifiedAt', t('administration.incidents.notNotifiedHint'))}
        {dateField('peopleNotifiedAt', t('administration.incidents.notNotifiedHint'))}
      </div>
      <SelectField
        label={t('administration.incidents.fields.status')}
        name="status"
        value={v.status}
        options={[
          { value: 'open', label: t('administration.incidents.status.open') },
          { value: 'closed', label: t('administration.incidents.status.closed') },
        ]}
        onValueChange={(value) => form.setValue('status', value as IncidentValues['status'])}
        error={form.fieldErrors.status}
        disabled={busy}
      />
      <div className="actions">
        <Button type="submit" busy={busy} busyLabel={t('common.saving')}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  );
}
