import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  CreateResourceRequest,
  ResourceType,
  UpdateResourceRequest,
  type Licence,
  type ResourceDetail,
} from '@lesplein/contracts/resource';
import { useCreateResource } from '../../../features/resources/create-resource';
import { useResource } from '../../../features/resources/get-resource';
import { useUploadLimits } from '../../../features/resources/get-upload-limits';
import { useUpdateResource } from '../../../features/resources/update-resource';
import { useTaxonomy } from '../../../features/taxonomy/get-taxonomy';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { Form } from '../../../components/ui/form';
import { Spinner } from '../../../components/ui/spinner';
import { TaxonomyChecklist } from '../../../components/taxonomy-checklist';
import { describeProblem, validateWith, type FieldErrors } from '../../../lib/form';
import { languageName } from '../../../lib/format';
import { onSubmit, useForm } from '../../../lib/use-form';
import { FileUploads } from './file-uploads';
import { KeywordInput } from './keyword-input';
import { LicencePicker } from './licence-picker';
import { useFileUploads } from './use-file-uploads';

/** Languages offered directly; any other two-letter code can be typed. */
export const RESOURCE_LANGUAGES = ['nl', 'en', 'fr', 'de', 'es'] as const;
const OTHER = 'other';

type ContentKind = 'files' | 'link';
type Intent = 'draft' | 'preview' | 'save';

function initialValues(resource: ResourceDetail | null) {
  const language = resource?.language ?? 'nl';
  const known = (RESOURCE_LANGUAGES as readonly string[]).includes(language);
  return {
    title: resource?.title ?? '',
    description: resource?.description ?? '',
    type: (resource?.type ?? '') as ResourceType | '',
    contentKind: (resource?.link ? 'link' : 'files') as ContentKind,
    link: resource?.link ?? '',
    subjects: resource?.subjects ?? [],
    levels: resource?.levels ?? [],
    ageMin: resource?.ageMin?.toString() ?? '',
    ageMax: resource?.ageMax?.toString() ?? '',
    language: known ? language : OTHER,
    languageOther: known ? '' : language,
    keywords: resource?.keywords ?? [],
    licence: (resource?.licence ?? '') as Licence | '',
  };
}

type Values = ReturnType<typeof initialValues>;

const age = (value: string): number | null => (value.trim() === '' ? null : Number(value));

/** The values as the API's request: empty optional fields become null, "other" language its code. */
export function toRequest(values: Values) {
  return {
    title: values.title,
    description: values.description,
    type: values.type || undefined,
    link: values.contentKind === 'link' ? values.link.trim() || null : null,
    subjects: values.subjects,
    levels: values.levels,
    ageMin: age(values.ageMin),
    ageMax: age(values.ageMax),
    language: values.language === OTHER ? values.languageOther.trim().toLowerCase() : values.language,
    keywords: values.keywords,
    licence: values.licence || undefined,
  };
}

/** The first message for a field, also when the schema reported it for an item (`keywords.2`). */
function errorFor(errors: FieldErrors, name: string): string | undefined {
  return errors[name] ?? Object.entries(errors).find(([key]) => key.startsWith(`${name}.`))?.[1];
}

/**
 * The resource form, for a new resource (`initial` null) and for editing one. Saving creates
 * the draft first (or saves the changes), then uploads the chosen files to it, one at a time
 * with progress; only when every file made it does it move on (to the preview, or the edit
 * page of the new draft).
 */
export function ResourceEditor({ initial, labelledBy }: { initial: ResourceDetail | null; labelledBy: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const navigate = useNavigate();
  const [resourceId, setResourceId] = useState<string | null>(initial?.id ?? null);
  const current = useResource(resourceId ?? '', { enabled: resourceId !== null, pollThumbnails: true }).data ?? initial;
  const limits = useUploadLimits();
  const taxonomy = useTaxonomy();
  const create = useCreateResource();
  const update = useUpdateResource();
  const form = useForm(initialValues(initial));
  const { values, setValue, fieldErrors } = form;
  const [saving, setSaving] = useState<Intent | null>(null);
  const [phase, setPhase] = useState<'saving' | 'uploading'>('saving');
  const [saved, setSaved] = useState(false);
  const ids = useId().replace(/:/g, '');

  // Files go to the resource at once when it exists and is not a web link; otherwise on save.
  const savedLink = current?.link ?? null;
  const uploads = useFileUploads({ limits: limits.data, autoStartFor: resourceId && !savedLink ? resourceId : null });
  const uploadedHere = new Set(uploads.items.map((item) => item.uploaded?.id).filter(Boolean));
  const storedFiles = (current?.files ?? []).filter((file) => !uploadedHere.has(file.id));
  const hasFiles = storedFiles.length > 0 || uploads.items.some((item) => item.status === 'done');
  const isDraft = !current || current.state === 'draft';

  const fieldNames = [...Object.keys(values), 'files'];

  const validate = () => {
    const request = toRequest(values);
    const result = validateWith(initial ? UpdateResourceRequest : CreateResourceRequest, request);
    const errors: FieldErrors = result.success ? {} : { ...result.fieldErrors };
    // An empty choice reads better as "choose one" than as "fill in this field".
    if (!values.type) errors.type = t('validation.choose');
    if (!values.licence) errors.licence = t('validation.choose');
    if (values.language === OTHER && errors.language) {
      errors.languageOther = errors.language;
      delete errors.language;
    }
    if (values.contentKind === 'files' && uploads.items.some((item) => item.status === 'failed' || item.status === 'cancelled' || item.status === 'refused')) {
      errors.files = t('resources.form.resolveFiles');
    }
    if (!result.success || Object.keys(errors).length > 0) {
      form.invalid(errors);
      return null;
    }
    form.clearErrors();
    return result.data as CreateResourceRequest & UpdateResourceRequest;
  };

  const save = async (intent: Intent) => {
    setSaved(false);
    const request = validate();
    if (!request) return;
    setSaving(intent);
    setPhase('saving');
    const wasNew = resourceId === null;
    try {
      let id = resourceId;
      if (id === null) {
        const created = await create.mutateAsync(request);
        id = created.id;
        setResourceId(id);
      } else {
        await update.mutateAsync({ id, input: request });
      }
      if (values.contentKind === 'link') uploads.dropWaiting();
      else if (uploads.hasWaiting || uploads.busy) {
        setPhase('uploading');
        const failures = await uploads.start(id);
        if (failures > 0) {
          form.invalid({}, t('resources.form.uploadsFailed', { count: failures }));
          return;
        }
      }
      if (intent === 'preview') {
        void navigate(`/resources/${id}/edit?step=preview`, { replace: wasNew });
      } else if (wasNew) {
        void navigate(`/resources/${id}/edit`, { replace: true, state: { saved: true } });
      } else {
        setSaved(true);
      }
    } catch (error) {
      form.fail(error, { fields: fieldNames });
    } finally {
      setSaving(null);
    }
  };

  const submit = onSubmit(() => save(isDraft ? 'preview' : 'save'));
  const busyLabel = phase === 'uploading' ? t('resources.form.uploading') : t('common.saving');

  const typeOptions = [{ value: '', label: t('resources.form.chooseType') }, ...ResourceType.options.map((value) => ({ value, label: t(`resourceTypes.${value}`) }))];
  const languageOptions = [
    ...RESOURCE_LANGUAGES.map((code) => ({ value: code, label: languageName(code, language) })),
    { value: OTHER, label: t('resources.form.languageOther') },
  ];

  return (
    <Form labelledBy={labelledBy} onSubmit={submit} error={form.formError} formRef={form.formRef} className="resource-form">
      <section className="section" aria-labelledby={`${ids}-content`}>
        <h2 id={`${ids}-content`}>{t('resources.form.contentTitle')}</h2>
        <fieldset className="choice-list choice-list--inline">
          <legend>{t('resources.form.contentKind')}</legend>
          <div className="choice">
            <input
              id={`${ids}-kind-files`}
              type="radio"
              name={`${ids}-kind`}
              checked={values.contentKind === 'files'}
              onChange={() => setValue('contentKind', 'files')}
            />
            <label htmlFor={`${ids}-kind-files`}>{t('resources.form.kindFiles')}</label>
          </div>
          <div className="choice">
            <input
              id={`${ids}-kind-link`}
              type="radio"
              name={`${ids}-kind`}
              checked={values.contentKind === 'link'}
              disabled={hasFiles}
              aria-describedby={hasFiles ? `${ids}-kind-link-hint` : undefined}
              onChange={() => setValue('contentKind', 'link')}
            />
            <label htmlFor={`${ids}-kind-link`}>{t('resources.form.kindLink')}</label>
            {hasFiles ? (
              <p className="field__hint choice__hint" id={`${ids}-kind-link-hint`}>
                {t('resources.form.linkNeedsNoFiles')}
              </p>
            ) : null}
          </div>
        </fieldset>
        {values.contentKind === 'files' ? (
          <FileUploads
            uploads={uploads}
            storedFiles={storedFiles}
            resourceId={resourceId}
            limits={limits.data}
            error={fieldErrors.files}
            waitForSave={!resourceId || !!savedLink}
          />
        ) : (
          <TextField
            label={t('resources.form.link')}
            hint={t('resources.form.linkHint')}
            name="link"
            type="url"
            inputMode="url"
            autoComplete="url"
            value={values.link}
            onValueChange={(v) => setValue('link', v)}
            error={fieldErrors.link ?? fieldErrors.files}
          />
        )}
      </section>

      <section className="section" aria-labelledby={`${ids}-about`}>
        <h2 id={`${ids}-about`}>{t('resources.form.aboutTitle')}</h2>
        <div className="form">
          <TextField
            label={t('resources.form.title')}
            name="title"
            required
            maxLength={200}
            value={values.title}
            onValueChange={(v) => setValue('title', v)}
            error={fieldErrors.title}
          />
          <TextAreaField
            label={t('resources.form.description')}
            hint={t('resources.form.descriptionHint')}
            name="description"
            rows={8}
            value={values.description}
            onValueChange={(v) => setValue('description', v)}
            error={fieldErrors.description}
          />
          <SelectField
            label={t('resources.form.type')}
            name="type"
            required
            value={values.type}
            options={typeOptions}
            onValueChange={(v) => setValue('type', v as ResourceType | '')}
            error={fieldErrors.type}
          />
          <KeywordInput label={t('resources.form.keywords')} value={values.keywords} onChange={(keywords) => setValue('keywords', keywords)} error={errorFor(fieldErrors, 'keywords')} />
        </div>
      </section>

      <section className="section" aria-labelledby={`${ids}-audience`}>
        <h2 id={`${ids}-audience`}>{t('resources.form.audienceTitle')}</h2>
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
              error={errorFor(fieldErrors, 'levels')}
            />
            <TaxonomyChecklist
              name="subjects"
              legend={t('fields.subjects')}
              items={taxonomy.data.subjects}
              selected={values.subjects}
              onChange={(keys) => setValue('subjects', keys)}
              error={errorFor(fieldErrors, 'subjects')}
            />
          </>
        ) : null}
        <div className="form">
          <fieldset className="field-group">
            <legend>{t('resources.form.age')}</legend>
            <p className="field__hint">{t('resources.form.ageHint')}</p>
            <div className="field-row field-row--narrow">
              <TextField
                label={t('resources.form.ageMin')}
                name="ageMin"
                type="number"
                inputMode="numeric"
                min={0}
                max={99}
                value={values.ageMin}
                onValueChange={(v) => setValue('ageMin', v)}
                error={fieldErrors.ageMin}
              />
              <TextField
                label={t('resources.form.ageMax')}
                name="ageMax"
                type="number"
                inputMode="numeric"
                min={0}
                max={99}
                value={values.ageMax}
                onValueChange={(v) => setValue('ageMax', v)}
                error={fieldErrors.ageMax}
              />
            </div>
          </fieldset>
          <SelectField
            label={t('resources.form.language')}
            name="language"
            value={values.language}
            options={languageOptions}
            onValueChange={(v) => setValue('language', v)}
            error={fieldErrors.language}
          />
          {values.language === OTHER ? (
            <TextField
              label={t('resources.form.languageCode')}
              hint={t('resources.form.languageCodeHint')}
              name="languageOther"
              maxLength={2}
              autoComplete="off"
              value={values.languageOther}
              onValueChange={(v) => setValue('languageOther', v)}
              error={fieldErrors.languageOther}
            />
          ) : null}
        </div>
      </section>

      <section className="section" aria-labelledby={`${ids}-licence`}>
        <h2 id={`${ids}-licence`}>{t('resources.form.licenceTitle')}</h2>
        <LicencePicker value={values.licence} onChange={(licence) => setValue('licence', licence)} error={fieldErrors.licence} />
      </section>

      {saved ? (
        <Alert tone="success" focusOnMount>
          <p>
            {isDraft ? t('resources.form.draftSaved') : t('resources.form.changesSaved')}{' '}
            {resourceId ? <Link to={`/resources/${resourceId}`}>{t('resources.form.viewResource')}</Link> : null}
          </p>
        </Alert>
      ) : null}
      <div className="actions">
        {isDraft ? (
          <>
            <Button type="submit" busy={saving === 'preview'} busyLabel={busyLabel} disabled={saving !== null}>
              {t('resources.form.preview')}
            </Button>
            <Button variant="secondary" busy={saving === 'draft'} busyLabel={busyLabel} disabled={saving !== null} onClick={() => void save('draft')}>
              {t('resources.form.saveDraft')}
            </Button>
          </>
        ) : (
          <>
            <Button type="submit" busy={saving === 'save'} busyLabel={busyLabel} disabled={saving !== null}>
              {t('resources.form.saveChanges')}
            </Button>
            {resourceId ? (
              <Link to={`/resources/${resourceId}`} className="button button--secondary">
                {t('resources.form.viewResource')}
              </Link>
            ) : null}
          </>
        )}
      </div>
    </Form>
  );
}
