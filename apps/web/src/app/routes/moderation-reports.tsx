import './moderation/moderation.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BulkReportRequest, DecisionView } from '@lesplein/contracts/moderation';
import type { ReportView } from '@lesplein/contracts/report';
import { useCurrentMember } from '../../features/auth/get-current-member';
import { useAssignReport } from '../../features/moderation/assign-report';
import { useBulkReports } from '../../features/moderation/bulk-reports';
import { useReportQueue } from '../../features/moderation/list-reports';
import type { ReportQueueFilters } from '../../features/moderation/moderation-keys';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/dialog';
import { SelectField } from '../../components/ui/field';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../use-page-title';
import { DecisionDialog, type DecisionTarget } from './moderation/decision-dialog';
import { ASSIGNMENTS, filtersFromSearch, keepVisible, REPORT_CATEGORIES, REPORT_STATUSES, REPORT_TARGETS, searchFromFilters, SORTS } from './moderation/moderation-helpers';
import { ModerationTabs } from './moderation/moderation-tabs';
import { TargetReference } from './moderation/report-target';

type Message = { tone: 'success' | 'error'; text: string } | null;
type BulkAction = BulkReportRequest['action'];

/**
 * /moderation/reports — moderators: the report queue. Filters (status, type, category,
 * assignment) and order live in the address; open reports can be selected for a bulk dismissal,
 * taken or given back one by one or together, and decided on (see DecisionDialog).
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  usePageTitle(`${t('moderation.reports.title')} · ${t('moderation.title')}`);
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const queue = useReportQueue(filters);
  const { data: me } = useCurrentMember();
  const assign = useAssignReport();
  const bulk = useBulkReports();
  const [message, setMessage] = useState<Message>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirmDismiss, setConfirmDismiss] = useState(false);
  const [dismissError, setDismissError] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<DecisionTarget | null>(null);

  const items = useMemo(() => queue.data?.pages.flatMap((page) => page.items) ?? [], [queue.data]);
  const selectable = useMemo(() => items.filter((report) => report.status === 'open').map((report) => report.id), [items]);
  // A refresh or another filter may take selected reports away.
  const visibleSelection = useMemo(() => keepVisible(selected, selectable), [selected, selectable]);
  const count = visibleSelection.size;

  const setFilter = <K extends keyof ReportQueueFilters>(key: K, value: ReportQueueFilters[K]) => {
    setMessage(null);
    setSelected(new Set());
    setParams(searchFromFilters({ ...filters, [key]: value || undefined }), { replace: true });
  };

  const toggle = (id: string, on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  const runBulk = (action: BulkAction) => {
    setMessage(null);
    setDismissError(null);
    bulk.mutate(
      { reportIds: [...visibleSelection], action },
      {
        onSuccess: (result) => {
          setConfirmDismiss(false);
          setSelected(new Set());
          setMessage({ tone: 'success', text: t(`moderation.reports.bulkDone.${action}`, { count: result.updated }) });
        },
        onError: (error) => {
          const text = describeProblem(error).formError ?? t('problem.unknown');
          if (action === 'dismiss') setDismissError(text);
          else setMessage({ tone: 'error', text });
        },
      },
    );
  };

  const onAssign = (report: ReportView, assignToMe: boolean) => {
    setMessage(null);
    assign.mutate(
      { id: report.id, assignToMe },
      {
        onSuccess: () => setMessage({ tone: 'success', text: assignToMe ? t('moderation.reports.taken') : t('moderation.reports.givenBack') }),
        onError: (error) => setMessage({ tone: 'error', text: describeProblem(error).formError ?? t('problem.unknown') }),
      },
    );
  };

  const onDecided = (decision: DecisionView) => {
    setDeciding(null);
    setSelected(new Set());
    setMessage({ tone: 'success', text: decision.action === 'dismiss' ? t('moderation.reports.dismissedOne') : t('moderation.reports.decided', { action: t(`moderation.actions.${decision.action}`) }) });
  };

  const option = (value: string, label: string) => ({ value, label });
  const all = t('moderation.filters.all');

  return (
    <div className="page">
      <h1>{t('moderation.reports.title')}</h1>
      <ModerationTabs />
      <p className="lead">{t('moderation.reports.intro')}</p>

      <form className="moderation-filters" aria-label={t('moderation.filters.label')} onSubmit={(event) => event.preventDefault()}>
        <SelectField label={t('moderation.filters.status')} value={filters.status} onValueChange={(v) => setFilter('status', v as ReportQueueFilters['status'])} options={REPORT_STATUSES.map((v) => option(v, t(`moderation.statuses.${v}`)))} />
        <SelectField
          label={t('moderation.filters.targetType')}
          value={filters.targetType ?? ''}
          onValueChange={(v) => setFilter('targetType', (v || undefined) as ReportQueueFilters['targetType'])}
          options={[option('', all), ...REPORT_TARGETS.map((v) => option(v, t(`moderation.targetTypes.${v}`)))]}
        />
        <SelectField
          label={t('moderation.filters.category')}
          value={filters.category ?? ''}
          onValueChange={(v) => setFilter('category', (v || undefined) as ReportQueueFilters['category'])}
          options={[option('', all), ...REPORT_CATEGORIES.map((v) => option(v, t(`moderation.categories.${v}`)))]}
        />
        <SelectField label={t('moderation.filters.assigned')} value={filters.assigned} onValueChange={(v) => setFilter('assigned', v as ReportQueueFilters['assigned'])} options={ASSIGNMENTS.map((v) => option(v, t(`moderation.assignments.${v}`)))} />
        <SelectField label={t('moderation.filters.sort')} value={filters.sort} onValueChange={(v) => setFilter('sort', v as ReportQueueFilters['sort'])} options={SORTS.map((v) => option(v, t(`moderation.sorts.${v}`)))} />
      </form>

      {message ? (
        <Alert tone={message.tone} focusOnMount>
          {message.text}
        </Alert>
      ) : null}

      {selectable.length > 0 ? (
        <BulkBar
          total={selectable.length}
          count={count}
          allSelected={count === selectable.length}
          onSelectAll={(on) => setSelected(on ? new Set(selectable) : new Set())}
          busy={bulk.isPending ? (bulk.variables?.action ?? null) : null}
          onTake={() => runBulk('assign_to_me')}
          onGiveBack={() => runBulk('unassign')}
          onDismiss={() => {
            setDismissError(null);
            setConfirmDismiss(true);
          }}
        />
      ) : null}

      {queue.isPending ? <Spinner label={t('common.loading')} /> : null}
      {queue.isError ? <Alert tone="error">{describeProblem(queue.error).formError}</Alert> : null}
      {queue.isSuccess && items.length === 0 ? <p>{t('moderation.reports.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-label={t('moderation.reports.listLabel')}>
          {items.map((report) => (
            <ReportItem
              key={report.id}
              report={report}
              mine={report.assignedTo !== null && report.assignedTo.handle === me?.handle}
              selected={visibleSelection.has(report.id)}
              onSelect={(on) => toggle(report.id, on)}
              assignBusy={assign.isPending && assign.variables?.id === report.id}
              onAssign={(assignToMe) => onAssign(report, assignToMe)}
              onDecide={() => {
                setMessage(null);
                setDeciding({ targetType: report.targetType, targetId: report.targetId });
              }}
              language={language}
            />
          ))}
        </ul>
      ) : null}
      {queue.hasNextPage ? (
        <p className="actions">
          <Button variant="secondary" onClick={() => void queue.fetchNextPage()} busy={queue.isFetchingNextPage} busyLabel={t('common.loadingMore')}>
            {t('common.loadMore')}
          </Button>
        </p>
      ) : null}
      {queue.isFetchNextPageError ? <Alert tone="error">{describeProblem(queue.error).formError}</Alert> : null}
      <p className="visually-hidden" role="status">
        {queue.isSuccess ? t('moderation.reports.shown', { count: items.length }) : ''}
      </p>

      <DecisionDialog target={deciding} onClose={() => setDeciding(null)} onDone={onDecided} />
      <ConfirmDialog
        open={confirmDismiss}
        title={t('moderation.reports.dismissTitle', { count })}
        confirmLabel={t('moderation.reports.dismissConfirm')}
        busyLabel={t('common.saving')}
        busy={bulk.isPending}
        error={dismissError}
        onConfirm={() => runBulk('dismiss')}
        onCancel={() => setConfirmDismiss(false)}
      >
        <p>{t('moderation.reports.dismissBody', { count })}</p>
      </ConfirmDialog>
    </div>
  );
}

function BulkBar({
  total,
  count,
  allSelected,
  onSelectAll,
  busy,
  onTake,
  onGiveBack,
  onDismiss,
}: {
  total: number;
  count: number;
  allSelected: boolean;
  onSelectAll: (on: boolean) => void;
  busy: BulkAction | null;
  onTake: () => void;
  onGiveBack: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && !allSelected;
  }, [count, allSelected]);
  const none = count === 0;
  return (
    <section className="moderation-bulk" aria-label={t('moderation.reports.bulkLabel')}>
      <div className="checkbox">
        <input ref={ref} id="reports-select-all" type="checkbox" checked={allSelected && count > 0} onChange={(event) => onSelectAll(event.target.checked)} />
        <label htmlFor="reports-select-all">{t('moderation.reports.selectAll', { count: total })}</label>
      </div>
      <p className="moderation-bulk__count" aria-live="polite">
        {t('moderation.reports.selected', { count })}
      </p>
      <div className="actions">
        <Button variant="secondary" onClick={onTake} disabled={none || busy !== null} busy={busy === 'assign_to_me'} busyLabel={t('common.saving')}>
          {t('moderation.reports.takeSelected')}
        </Button>
        <Button variant="secondary" onClick={onGiveBack} disabled={none || busy !== null} busy={busy === 'unassign'} busyLabel={t('common.saving')}>
          {t('moderation.reports.giveBackSelected')}
        </Button>
        <Button variant="danger" onClick={onDismiss} disabled={none || busy !== null}>
          {t('moderation.reports.dismissSelected')}
        </Button>
      </div>
    </section>
  );
}

function ReportItem({
  report,
  mine,
  selected,
  onSelect,
  assignBusy,
  onAssign,
  onDecide,
  language,
}: {
  report: ReportView;
  mine: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  assignBusy: boolean;
  onAssign: (assignToMe: boolean) => void;
  onDecide: () => void;
  language: string;
}) {
  const { t } = useTranslation();
  const open = report.status === 'open';
  const category = t(`moderation.categories.${report.category}`);
  const targetType = t(`moderation.targetTypes.${report.targetType}`);
  const when = formatDateTime(report.createdAt, language);
  const titleId = `report-${report.id}`;
  const subject = t('moderation.reports.subject', { category, target: targetType, time: when });
  return (
    <li className="item-list__item moderation-report">
      {open ? (
        <div className="moderation-report__select">
          <input id={`select-${report.id}`} type="checkbox" checked={selected} onChange={(event) => onSelect(event.target.checked)} />
          <label htmlFor={`select-${report.id}`} className="visually-hidden">
            {t('moderation.reports.select', { subject })}
          </label>
        </div>
      ) : null}
      <div className="item-list__main">
        <h2 className="item-list__title" id={titleId}>
          {category} · {targetType}
        </h2>
        <p className="item-list__meta">
          {t('moderation.reports.reportedBy', { name: report.reporter?.displayName ?? t('moderation.formerMember'), time: when })} ·{' '}
          {report.assignedTo ? (mine ? t('moderation.reports.assignedToMe') : t('moderation.reports.assignedTo', { name: report.assignedTo.displayName })) : t('moderation.reports.unassigned')} ·{' '}
          <span className={`status-pill ${open ? 'status-pill--on' : 'status-pill--off'}`}>{t(`moderation.statuses.${report.status}`)}</span>
        </p>
        <blockquote className="moderation-quote">
          <p className="moderation-text">{report.reason}</p>
        </blockquote>
        <p className="item-list__meta">
          <TargetReference targetType={report.targetType} targetId={report.targetId} context={report.context} />
          {report.reporter ? (
            <>
              {' · '}
              <Link to={`/members/${encodeURIComponent(report.reporter.handle)}`}>{t('moderation.reports.reporterProfile', { name: report.reporter.displayName })}</Link>
            </>
          ) : null}
        </p>
      </div>
      {open ? (
        <div className="item-list__actions">
          {mine ? (
            <Button variant="secondary" onClick={() => onAssign(false)} busy={assignBusy} busyLabel={t('common.saving')}>
              {t('moderation.reports.giveBack')}
              <span className="visually-hidden"> {subject}</span>
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => onAssign(true)} busy={assignBusy} busyLabel={t('common.saving')}>
              {t('moderation.reports.take')}
              <span className="visually-hidden"> {subject}</span>
            </Button>
          )}
          <Button onClick={onDecide} aria-haspopup="dialog">
            {t('moderation.reports.decide')}
            <span className="visually-hidden"> {subject}</span>
          </Button>
        </div>
      ) : null}
    </li>
  );
}
