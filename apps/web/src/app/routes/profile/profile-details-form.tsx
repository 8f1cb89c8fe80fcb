import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  FieldVisibility,
  Gender,
  ProfessionalRole,
  UpdateProfileRequest,
  type OwnProfile,
  type VisibleField,
} from '@lesplein/contracts/profile';
import { useUpdateProfile } from '../../../features/account/update-profile';
import { useTaxonomy } from '../../../features/taxonomy/get-taxonomy';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/field';
import { Form } from '../../../components/ui/form';
import { Spinner } from '../../../components/ui/spinner';
import { describeProblem } from '../../../lib/form';
import { onSubmit, useForm } from '../../../lib/use-form';
import { TaxonomyChecklist } from '../../../components/taxonomy-checklist';
import { VisibilitySelect } from './visibility-select';

/** Fields of this form whose visibility the member sets here (optional fields have their own forms). */
const detailVisibility = ['placeOfResidence', 'gender', 'dateOfBirth', 'school', 'professionalRole', 'teaching'] as const satisfies readonly VisibleField[];
type DetailVisibility = (typeof detailVisibility)[number];

function visibilityOf(profile: OwnProfile, field: VisibleField): FieldVisibility {
  return profile.visibility[field] ?? 'private';
}

function initialValues(profile: OwnProfile) {
  return {
    firstName: profile.firstName,
    lastName: profile.lastName,
    placeOfResidence: profile.placeOfResidence ?? '',
    gender: profile.gender ?? '',
    dateOfBirth: profile.dateOfBirth ?? '',
    school: profile.school ?? '',
    professionalRole: profile.professionalRole ?? '',
    subjects: profile.subjects,
    levels: profile.levels,
    locale: profile.locale as string,
    visibility: Object.fromEntries(detailVisibility.map((field) => [field, visibilityOf(profile, field)])) as Record<DetailVisibility, FieldVisibility>,
  };
}

export function ProfileDetailsForm({ profile }: { profile: OwnProfile }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const taxonomy = useTaxonomy();
  const form = useForm(initialValues(profile));
  const [saved, setSaved] = useState(false);
  const { values, setValue, fieldErrors } = form;

  const fieldNames = [...Object.keys(values), ...detailVisibility.map((field) => `visibility.${field}`)];

  const submit = onSubmit(async () => {
    setSaved(false);
    const request = {
      firstName: values.firstName,
      lastName: values.lastName,
      placeOfResidence: values.placeOfResidence.trim() || null,
      gender: values.gender || null,
      dateOfBirth: values.dateOfBirth || null,
      school: values.school.trim() || null,
      professionalRole: values.professionalRole || null,
      subjects: values.subjects,
      levels: values.levels,
      visibility: values.visibility,
      locale: values.locale,
    };
    const input = form.check(UpdateProfileRequest, request);
    if (!input) return;
    try {
      await update.mutateAsync(input);
      setSaved(true);
    } catch (error) {
      form.fail(error, { fields: fieldNames });
    }
  });

  const setVisibility = (field: DetailVisibility, value: FieldVisibility) =>
    setValue('visibility', { ...values.visibility, [field]: value });

  const visibilitySelect = (field: DetailVisibility, label: string) => (
    <VisibilitySelect
      fieldLabel={label}
      value={values.visibility[field]}
      onChange={(value) => setVisibility(field, value)}
      error={fieldErrors[`visibility.${field}`]}
    />
  );

  const today = new Date().toISOString().slice(0, 10);
  const genderOptions = [
    { value: '', label: t('common.notFilledIn') },
    ...Gender.options.map((value) => ({ value, label: t(`genders.${value}`) })),
  ];
  const roleOptions = [
    { value: '', label: t('common.notFilledIn') },
    ...ProfessionalRole.options.map((value) => ({ value, label: t(`roles.${value}`) })),
  ];

  return (
    <section className="section" aria-labelledby="profile-details">
      <h2 id="profile-details">{t('profile.detailsTitle')}</h2>
      <p>
        {t('profile.detailsIntro')}{' '}
        <Link to={`/members/${encodeURIComponent(profile.handle)}`}>{t('profile.viewPublic')}</Link>
      </p>
      <Form labelledBy="profile-details" onSubmit={submit} error={form.formError} formRef={form.formRef}>
        <div className="field-row">
          <TextField
            label={t('fields.firstName')}
            name="firstName"
            autoComplete="given-name"
            required
            value={values.firstName}
            onValueChange={(v) => setValue('firstName', v)}
            error={fieldErrors.firstName}
          />
          <TextField
            label={t('fields.lastName')}
            name="lastName"
            autoComplete="family-name"
            required
            value={values.lastName}
            onValueChange={(v) => setValue('lastName', v)}
            error={fieldErrors.lastName}
          />
        </div>
        <p className="form__note">{t('profile.nameNote')}</p>

        <TextField
          label={t('fields.placeOfResidence')}
          name="placeOfResidence"
          autoComplete="address-level2"
          value={values.placeOfResidence}
          onValueChange={(v) => setValue('placeOfResidence', v)}
          error={fieldErrors.placeOfResidence}
          after={visibilitySelect('placeOfResidence', t('fields.placeOfResidence'))}
        />
        <SelectField
          label={t('fields.gender')}
          name="gender"
          value={values.gender}
          options={genderOptions}
          onValueChange={(v) => setValue('gender', v)}
          error={fieldErrors.gender}
          after={visibilitySelect('gender', t('fields.gender'))}
        />
        <TextField
          label={t('fields.dateOfBirth')}
          name="dateOfBirth"
          type="date"
          autoComplete="bday"
          max={today}
          value={values.dateOfBirth}
          onValueChange={(v) => setValue('dateOfBirth', v)}
          error={fieldErrors.dateOfBirth}
          after={visibilitySelect('dateOfBirth', t('fields.dateOfBirth'))}
        />
        <TextField
          label={t('fields.school')}
          name="school"
          autoComplete="organization"
          value={values.school}
          onValueChange={(v) => setValue('school', v)}
          error={fieldErrors.school}
          after={visibilitySelect('school', t('fields.school'))}
        />
        <SelectField
          label={t('fields.professionalRole')}
          name="professionalRole"
          value={values.professionalRole}
          options={roleOptions}
          onValueChange={(v) => setValue('professionalRole', v)}
          error={fieldErrors.professionalRole}
          after={visibilitySelect('professionalRole', t('fields.professionalRole'))}
        />

        <div className="subsection">
          <h3>{t('profile.teaching.title')}</h3>
          <p>{t('profile.teaching.intro')}</p>
          {taxonomy.isPending ? <Spinner label={t('common.loading')} /> : null}
          {taxonomy.isError ? <Alert tone="error">{describeProblem(taxonomy.error).formError}</Alert> : null}
          {taxonomy.data ? (
            <>
              <TaxonomyChecklist
                name="levels"
                legend={t('fields.levels')}
                items={taxonomy.data.levels}
                selected={values.levels}
                onChange={(keys) => setValue('levels', keys)}
                error={fieldErrors.levels}
              />
              <TaxonomyChecklist
                name="subjects"
                legend={t('fields.subjects')}
                items={taxonomy.data.subjects}
                selected={values.subjects}
                onChange={(keys) => setValue('subjects', keys)}
                error={fieldErrors.subjects}
              />
            </>
          ) : null}
          {visibilitySelect('teaching', t('profile.teaching.title'))}
        </div>

        <SelectField
          label={t('fields.locale')}
          name="locale"
          hint={t('fields.localeHint')}
          value={values.locale}
          options={[
            { value: 'nl', label: t('language.names.nl') },
            { value: 'en', label: t('language.names.en') },
          ]}
          onValueChange={(v) => setValue('locale', v)}
          error={fieldErrors.locale}
        />

        {saved ? <Alert tone="success">{t('profile.saved')}</Alert> : null}
        <div className="actions">
          <Button type="submit" busy={update.isPending} busyLabel={t('common.saving')}>
            {t('profile.save')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
