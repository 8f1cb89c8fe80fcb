import './administration/administration.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditQuery, type AuditEntryView } from '@lesplein/contracts/audit';
import type { Role } from '@lesplein/contracts/auth';
import type { AuditFilter } from '../../features/administration/administration-keys';
import { useAuditEntries } from '../../features/administration/list-audit-entries';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';
import { AdminBackLink, ScrollTable } from './administration/admin-parts';

const ROLE_NAMES: readonly string[] = ['member', 'moderator', 'admin'];
const EMPTY: AuditFilter = { action: '', targetType: '', targetId: '', actorId: '', from: '', to: '' };
const FIELDS = Object.keys(EMPTY) as (keyof AuditFilter)[];
/** Action prefixes offered while typing (the logbook's families of actions). */
const ACTION_PREFIXES = ['member.', 'partner.', 'incident.', 'settings.', 'moderation.', 'ban_list.', 'resource.', 'comment.', 'report.'];

/**
 * /admin/audit — "Logboek": the audit log, newest first, filtered by action (or a prefix such as
 * "member."), target type and id, actor id and a date range; more entries on request; each
 * entry's details as key/value pairs.
 */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('administration.audit.title'));
  const [filter, setFilter] = useState<AuditFilter>(EMPTY);
  const form = useForm<AuditFilter>(EMPTY);
  const entries = useAuditEntries(filter);
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const listId = `actions${useId().replace(/:/g, '')}`;
  const captionId = `${listId}-caption`;
  const active = FIELDS.some((key) => filter[key].trim());

  const apply = () => {
    const trimmed = Object.fromEntries(FIELDS.map((key) => [key, form.values[key].trim()])) as unknown as AuditFilter;
    const request = Object.fromEntries(Object.entries(trimmed).filter(([, value]) => value !== ''));
    if (!form.check(AuditQuery, request)) return;
    if (trimmed.from && trimmed.to && trimmed.from > trimmed.to) {
      form.invalid({ to: t('administration.audit.toBeforeFrom') });
      return;
    }
    setFilter(trimmed);
  };

  const clear = () => {
    form.reset(EMPTY);
    setFilter(EMPTY);
  };

  return (
    <div className="page">
      <AdminBackLink />
      <h1>{t('administration.audit.title')}</h1>
      <p className="lead">{t('administration.audit.intro')}</p>

      <Form label={t('administration.audit.filtersLabel')} onSubmit={onSubmit(apply)} error={form.formError} formRef={form.formRef} className="admin-filters">
        <div className="field-row">
          <TextField
            label={t('administration.audit.action')}
            hint={t('administration.audit.actionHint')}
            list={listId}
            autoComplete="off"
            spellCheck={false}
            value={form.values.action}
            onValueChange={(v) => form.setValue('action', v)}
            error={form.fieldErrors.action}
          />
          <datalist id={listId}>
            {ACTION_PREFIXES.map((prefix) => (
              <option key={prefix} value={prefix} />
            ))}
          </datalist>
          <TextField label={t('administration.audit.targetType')} hint={t('administration.audit.targetTypeHint')} spellCheck={false} value={form.values.targetType} onValueChange={(v) => form.setValue('targetType', v)} error={form.fieldErrors.targetType} />
          <TextField label={t('administration.audit.targetId')} spellCheck={false} value={form.values.targetId} onValueChange={(v) => form.setValue('targetId', v)} error={form.fieldErrors.targetId} />
          <TextField label={t('administration.audit.actorId')} hint={t('administration.audit.actorIdHint')} spellCheck={false} value={form.values.actorId} onValueChange={(v) => form.setValue('actorId', v)} error={form.fieldErrors.actorId} />
          <TextField label={t('administration.audit.from')} type="date" value={form.values.from} onValueChange={(v) => form.setValue('from', v)} error={form.fieldErrors.from} />
          <TextField label={t('administration.audit.to')} type="date" value={form.values.to} onValueChange={(v) => form.setValue('to', v)} error={form.fieldErrors.to} />
        </div>
        <div className="actions">
          <Button type="submit" busy={entries.isFetching && !entries.isFetchingNextPage} busyLabel={t('administration.searching')}>
            {t('administration.audit.apply')}
          </Button>
          <Button variant="secondary" onClick={clear}>
            {t('administration.audit.clear')}
          </Button>
        </div>
      </Form>

      {entries.isPending ? <Spinner label={t('common.loading')} /> : null}
      {entries.isError ? <Alert tone="error">{describeProblem(entries.error).formError}</Alert> : null}
      {entries.isSuccess && items.length === 0 ? <p>{active ? t('administration.audit.emptyFiltered') : t('administration.audit.empty')}</p> : null}
      {items.length > 0 ? (
        <ScrollTable labelledBy={captionId}>
          <table className="table admin-audit">
            <caption id={captionId} className="visually-hidden">
              {t('administration.audit.tableCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('administration.audit.columns.at')}</th>
                <th scope="col">{t('administration.audit.columns.action')}</th>
                <th scope="col">{t('administration.audit.columns.actor')}</th>
                <th scope="col">{t('administration.audit.columns.target')}</th>
                <th scope="col">{t('administration.audit.columns.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <AuditRow key={entry.seq} entry={entry} />
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
      {entries.hasNextPage ? (
        <p className="actions">
          <Button variant="secondary" onClick={() => void entries.fetchNextPage()} busy={entries.isFetchingNextPage} busyLabel={t('common.loadingMore')}>
            {t('common.loadMore')}
          </Button>
        </p>
      ) : null}
    </div>
  );
}

/** A detail value as text: strings as they are, anything else as JSON. */
function detailText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '—';
  return JSON.stringify(value);
}

function AuditRow({ entry }: { entry: AuditEntryView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const details = Object.entries(entry.details);
  return (
    <tr>
      <td className="admin-nowrap">{formatDateTime(entry.at, language)}</td>
      <th scope="row">
        <code>{entry.action}</code>
      </th>
      <td>
        {entry.actorId ? (
          <>
            {entry.actorRole ? <span>{ROLE_NAMES.includes(entry.actorRole) ? t(`administration.roles.${entry.actorRole as Role}`) : entry.actorRole} </span> : null}
            <code className="admin-id">{entry.actorId}</code>
          </>
        ) : (
          t('administration.audit.system')
        )}
      </td>
      <td>
        {entry.targetType ? (
          <>
            <span>{entry.targetType}</span> {entry.targetId ? <code className="admin-id">{entry.targetId}</code> : null}
          </>
        ) : (
          '—'
        )}
      </td>
      <td>
        {details.length === 0 ? (
          '—'
        ) : (
          <dl className="admin-kv">
            {details.map(([key, value]) => (
              <div key={key} className="admin-kv__row">
                <dt>{key}</dt>
                <dd>{detailText(value)}</dd>
              </div>
            ))}
          </dl>
        )}
      </td>
    </tr>
  );
}
