import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SubProcessorList, type SubProcessorsPage } from '@lesplein/contracts/incident';
import { useSubProcessors } from '../../../features/administration/get-sub-processors';
import { useReplaceSubProcessors } from '../../../features/administration/replace-sub-processors';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/field';
import { Form } from '../../../components/ui/form';
import { Spinner } from '../../../components/ui/spinner';
import { isApiError } from '../../../lib/api-client';
import { describeProblem, pickLanguage, validateWith, type FieldErrors } from '../../../lib/form';
import { formatDateTime } from '../../../lib/format';

const MAX_ITEMS = 50;
const COLUMNS = ['name', 'service', 'location', 'website'] as const;
type Column = (typeof COLUMNS)[number];
type Row = Record<Column, string> & { id: number };

/** The list of sub-processors shown on the public page: add, edit and remove rows, then save the whole list after confirming. */
export function SubProcessorsSection() {
  const { t } = useTranslation();
  const page = useSubProcessors();
  return (
    <section className="section" aria-labelledby="sub-processors">
      <h2 id="sub-processors">{t('administration.settings.subProcessors.title')}</h2>
      <p>
        {t('administration.settings.subProcessors.intro')} <Link to="/sub-processors">{t('administration.settings.subProcessors.publicPage')}</Link>
      </p>
      {page.isPending ? <Spinner label={t('common.loading')} /> : null}
      {page.isError ? <Alert tone="error">{describeProblem(page.error).formError}</Alert> : null}
      {page.data ? <SubProcessorsEditor page={page.data} /> : null}
    </section>
  );
}

function toRows(items: SubProcessorsPage['subProcessors'], firstId: number): Row[] {
  return items.map((item, index) => ({ id: firstId + index, name: item.name, service: item.service, location: item.location, website: item.website ?? '' }));
}

function SubProcessorsEditor({ page }: { page: SubProcessorsPage }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const ids = `sp${useId().replace(/:/g, '')}`;
  // Row ids keep each row's inputs (and focus) in place when rows before it are removed.
  const nextId = useRef(page.subProcessors.length);
  const [rows, setRows] = useState<Row[]>(() => toRows(page.subProcessors, 0));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const replace = useReplaceSubProcessors();
  const formRef = useRef<HTMLFormElement>(null);

  const request = () => ({
    items: rows.map((row) => ({ name: row.name.trim(), service: row.service.trim(), location: row.location.trim(), website: row.website.trim() || null })),
  });

  const focusFirstError = () =>
    requestAnimationFrame(() => (formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? formRef.current?.querySelector<HTMLElement>('[data-form-alert]'))?.focus());

  const showErrors = (fieldErrors: FieldErrors, message: string | null) => {
    const own: FieldErrors = {};
    const rest: string[] = [];
    for (const [key, text] of Object.entries(fieldErrors)) {
      const match = /^items\.(\d+)\.(name|service|location|website)/.exec(key);
      if (match) own[`${match[1]}.${match[2]}`] ??= text;
      else if (!rest.includes(text)) rest.push(text);
    }
    setErrors(own);
    setFormError([message, ...rest].filter(Boolean).join(' ') || (Object.keys(own).length ? t('problem.check_fields') : null));
    focusFirstError();
  };

  const update = (id: number, column: Column, value: string) => {
    setMessage(null);
    setRows((current) => current.map((row) => (row.id === id ? { ...row, [column]: value } : row)));
    const index = rows.findIndex((row) => row.id === id);
    setErrors((current) => {
      const key = `${index}.${column}`;
      if (!(key in current)) return current;
      const next = { ...current };
      delete next[key];
      return next;
    });
  };

  const add = () => {
    setMessage(null);
    const id = nextId.current++;
    setRows((current) => [...current, { id, name: '', service: '', location: '', website: '' }]);
    setErrors({});
    requestAnimationFrame(() => document.getElementById(`${ids}-${id}-name`)?.focus());
  };

  const remove = (id: number) => {
    setMessage(null);
    const index = rows.findIndex((row) => row.id === id);
    setRows((current) => current.filter((row) => row.id !== id));
    setErrors({});
    // Focus goes to the next row's first field, or to the add button when none is left.
    requestAnimationFrame(() => {
      const next = rows[index + 1] ?? rows[index - 1];
      (next ? document.getElementById(`${ids}-${next.id}-name`) : document.getElementById(`${ids}-add`))?.focus();
    });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMessage(null);
    const checked = validateWith(SubProcessorList, request());
    if (!checked.success) {
      showErrors(checked.fieldErrors, null);
      return;
    }
    setErrors({});
    setFormError(null);
    setConfirmError(null);
    setConfirming(true);
  };

  const confirm = () => {
    replace.mutate(request(), {
      onSuccess: (result) => {
        setConfirming(false);
        setRows(toRows(result.subProcessors, nextId.current));
        nextId.current += result.subProcessors.length;
        setMessage(t('administration.settings.subProcessors.saved', { count: result.subProcessors.length }));
      },
      onError: (error) => {
        const problems = isApiError(error) ? (error.problem.errors ?? []) : [];
        if (problems.length) {
          setConfirming(false);
          showErrors(Object.fromEntries(problems.map((item) => [item.path, pickLanguage(item.message)])), null);
          return;
        }
        setConfirmError(describeProblem(error).formError);
      },
    });
  };

  return (
    <>
      {page.updatedAt ? <p className="admin-muted">{t('administration.settings.subProcessors.updatedAt', { time: formatDateTime(page.updatedAt, language) })}</p> : null}
      {message ? (
        <Alert tone="success" focusOnMount>
          {message}
        </Alert>
      ) : null}
      <Form label={t('administration.settings.subProcessors.title')} onSubmit={submit} error={formError} formRef={formRef}>
        {rows.length === 0 ? <p>{t('administration.settings.subProcessors.empty')}</p> : null}
        <ol className="plain-list admin-rows">
          {rows.map((row, index) => {
            const label = row.name.trim() || t('administration.settings.subProcessors.rowNumber', { number: index + 1 });
            return (
              <li key={row.id}>
                <fieldset className="field-group admin-row">
                  <legend>{t('administration.settings.subProcessors.rowLegend', { number: index + 1 })}</legend>
                  <div className="field-row">
                    {COLUMNS.map((column) => (
                      <TextField
                        key={column}
                        id={`${ids}-${row.id}-${column}`}
                        label={t(`administration.settings.subProcessors.fields.${column}`)}
                        hint={column === 'website' ? t('administration.settings.subProcessors.websiteHint') : undefined}
                        type={column === 'website' ? 'url' : 'text'}
                        maxLength={column === 'service' ? 500 : column === 'website' ? 2000 : 200}
                        value={row[column]}
                        onValueChange={(value) => update(row.id, column, value)}
                        error={errors[`${index}.${column}`]}
                        disabled={replace.isPending}
                      />
                    ))}
                  </div>
                  <div className="actions">
                    <Button variant="secondary" onClick={() => remove(row.id)} disabled={replace.isPending}>
                      {t('common.remove')}
                      <span className="visually-hidden"> {label}</span>
                    </Button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div className="actions">
          <Button id={`${ids}-add`} variant="secondary" onClick={add} disabled={rows.length >= MAX_ITEMS || replace.isPending}>
            {t('administration.settings.subProcessors.add')}
          </Button>
          <Button type="submit">{t('administration.settings.subProcessors.save')}</Button>
        </div>
      </Form>
      <ConfirmDialog
        open={confirming}
        title={t('administration.settings.subProcessors.confirmTitle')}
        confirmLabel={t('administration.settings.subProcessors.confirmAction')}
        busyLabel={t('common.saving')}
        busy={replace.isPending}
        error={confirmError}
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('administration.settings.subProcessors.confirmBody', { count: rows.length })}</p>
      </ConfirmDialog>
    </>
  );
}
