import './administration/administration.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsSeries, StatsView } from '@lesplein/contracts/stats';
import { statsCsvFileName, statsCsvUrl, type StatsDataset } from '../../features/administration/export-stats';
import { useStats } from '../../features/administration/get-stats';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { Spinner } from '../../components/ui/spinner';
import { totalRange, type CountRange } from '../../lib/chart-scale';
import { describeProblem } from '../../lib/form';
import { formatCount } from '../../lib/format';
import { intlLocale } from '../../lib/i18n';
import { checkMonthRange, formatMonth, lastMonths, MAX_MONTHS } from '../../lib/month-range';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';
import { AdminBackLink, ScrollTable } from './administration/admin-parts';
import { LineChart, RangeBarChart, type AxisLabel } from './administration/charts';

/** How long the log-in history is kept (for the explanation next to the active members). */
const LOGIN_HISTORY_DAYS = 90;

type Range = { from: string; to: string };

/**
 * /admin/statistics — "Statistieken": for a range of months (the last 12 by default, at most 36),
 * published resources per subject and per level, active members, searches and zero-result
 * searches, partner authorisations and withdrawals. Every chart is followed by a table with the
 * numbers; counts from 1 to 9 are suppressed by the API and shown as "<10". CSV downloads for the
 * three datasets.
 */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('administration.statistics.title'));
  const [initial] = useState<Range>(() => lastMonths());
  const [range, setRange] = useState<Range>(initial);
  const form = useForm<Range>(initial);
  const stats = useStats(range.from, range.to);

  const apply = () => {
    const problem = checkMonthRange(form.values.from, form.values.to);
    if (problem) {
      form.invalid({ [problem.field]: t(`administration.statistics.rangeProblems.${problem.problem}`, { count: MAX_MONTHS }) });
      return;
    }
    form.clearErrors();
    setRange({ ...form.values });
  };

  return (
    <div className="page">
      <AdminBackLink />
      <h1>{t('administration.statistics.title')}</h1>
      <p className="lead">{t('administration.statistics.intro')}</p>
      <Form label={t('administration.statistics.rangeLabel')} onSubmit={onSubmit(apply)} error={form.formError} formRef={form.formRef} className="admin-filters">
        <div className="field-row field-row--narrow">
          <TextField label={t('administration.statistics.from')} hint={t('administration.statistics.monthHint')} type="month" value={form.values.from} onValueChange={(v) => form.setValue('from', v)} error={form.fieldErrors.from} />
          <TextField label={t('administration.statistics.to')} hint={t('administration.statistics.monthHint')} type="month" value={form.values.to} onValueChange={(v) => form.setValue('to', v)} error={form.fieldErrors.to} />
        </div>
        <div className="actions">
          <Button type="submit" busy={stats.isFetching} busyLabel={t('common.loading')}>
            {t('administration.statistics.show')}
          </Button>
        </div>
      </Form>
      {stats.isPending ? <Spinner label={t('common.loading')} /> : null}
      {stats.isError ? <Alert tone="error">{describeProblem(stats.error).formError}</Alert> : null}
      {stats.data ? <Statistics view={stats.data} range={range} /> : null}
    </div>
  );
}

function useNumbers() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const locale = intlLocale(language);
  const count = (value: number | null) => (value === null ? t('administration.statistics.suppressed') : formatCount(value, language));
  const range = (value: CountRange) =>
    value.min === value.max ? formatCount(value.min, language) : t('administration.statistics.between', { min: formatCount(value.min, language), max: formatCount(value.max, language) });
  const labels = (months: readonly string[]): AxisLabel[] =>
    months.map((month, index) => ({
      main: new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`)),
      sub: index === 0 || month.endsWith('-01') ? month.slice(0, 4) : '',
    }));
  return { language, locale, count, range, labels, plain: (value: number) => formatCount(value, language) };
}

function Statistics({ view, range }: { view: StatsView; range: Range }) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  const shown = { from: formatMonth(view.months[0] ?? range.from, numbers.locale, 'long'), to: formatMonth(view.months.at(-1) ?? range.to, numbers.locale, 'long') };
  // Before this month the log-in history is gone: null there means unknown, not fewer than 10.
  const activeMembersKnown = (index: number) => (view.months[index] ?? '') >= view.activeMembersKnownFrom;

  return (
    <>
      <p role="status">{t('administration.statistics.showing', shown)}</p>
      <p className="admin-muted">{t('administration.statistics.suppressedNote', { max: view.suppressedBelow - 1 })}</p>

      <SeriesSection id="subjects" title={t('administration.statistics.bySubject')} series={view.resourcesBySubject} months={view.months} dataset="resources-by-subject" range={range} />
      <SeriesSection id="levels" title={t('administration.statistics.byLevel')} series={view.resourcesByLevel} months={view.months} dataset="resources-by-level" range={range} />

      <section className="section" aria-labelledby="stats-activity">
        <h2 id="stats-activity">{t('administration.statistics.activity')}</h2>
        <p>{t('administration.statistics.activityIntro', { count: LOGIN_HISTORY_DAYS })}</p>
        <MonthSeriesChart
          title={t('administration.statistics.membersAndSearches')}
          months={view.months}
          series={[
            { key: 'activeMembers', label: t('administration.statistics.series.activeMembers'), counts: view.activeMembers, unknown: (i: number) => !activeMembersKnown(i) },
            { key: 'searches', label: t('administration.statistics.series.searches'), counts: view.searches },
            { key: 'zeroResultSearches', label: t('administration.statistics.series.zeroResultSearches'), counts: view.zeroResultSearches },
          ]}
        />
        <MonthSeriesChart
          title={t('administration.statistics.partnerConsents')}
          months={view.months}
          series={[
            { key: 'partnerAuthorisations', label: t('administration.statistics.series.partnerAuthorisations'), counts: view.partnerAuthorisations },
            { key: 'partnerWithdrawals', label: t('administration.statistics.series.partnerWithdrawals'), counts: view.partnerWithdrawals },
          ]}
        />
        <CsvLink dataset="activity" range={range} />
      </section>
    </>
  );
}

function CsvLink({ dataset, range }: { dataset: StatsDataset; range: Range }) {
  const { t } = useTranslation();
  return (
    <p className="actions">
      <a className="button button--secondary" href={statsCsvUrl(dataset, range.from, range.to)} download={statsCsvFileName(dataset)}>
        {t(`administration.statistics.csv.${dataset}`)}
      </a>
    </p>
  );
}

/** Resources per subject or level: totals over the range as bars, and a table per month. */
function SeriesSection({ id, title, series, months, dataset, range }: { id: string; title: string; series: StatsSeries[]; months: string[]; dataset: StatsDataset; range: Range }) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  const headingId = `stats-${id}`;
  const captionId = `${headingId}-caption`;
  const name = (item: StatsSeries) => (numbers.language === 'en' ? item.nameEn : item.nameNl);
  const bars = series.map((item) => ({ key: item.key, label: name(item), range: totalRange(item.counts) }));

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {series.length === 0 ? (
        <p>{t('administration.statistics.noResources')}</p>
      ) : (
        <>
          <RangeBarChart
            title={t('administration.statistics.totalsTitle', { title })}
            description={t('administration.statistics.totalsDescription')}
            bars={bars}
            format={numbers.plain}
            formatRange={numbers.range}
          />
          <ScrollTable labelledBy={captionId}>
            <table className="table admin-numbers">
              <caption id={captionId}>{t('administration.statistics.tableCaption', { title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{dataset === 'resources-by-subject' ? t('administration.statistics.subject') : t('administration.statistics.level')}</th>
                  {months.map((month) => (
                    <th scope="col" key={month}>
                      {formatMonth(month, numbers.locale)}
                    </th>
                  ))}
                  <th scope="col">{t('administration.statistics.total')}</th>
                </tr>
              </thead>
              <tbody>
                {series.map((item, index) => (
                  <tr key={item.key}>
                    <th scope="row">{name(item)}</th>
                    {item.counts.map((value, i) => (
                      <td key={months[i] ?? i}>{numbers.count(value)}</td>
                    ))}
                    <td>{numbers.range(bars[index]!.range)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </>
      )}
      <CsvLink dataset={dataset} range={range} />
    </section>
  );
}

interface MonthSeries {
  key: string;
  label: string;
  counts: (number | null)[];
  /** Months for which the count is not known at all (rather than suppressed). */
  unknown?: (index: number) => boolean;
}

/** Several counts per month: a line chart and a table with a row per month. */
function MonthSeriesChart({ title, months, series }: { title: string; months: string[]; series: MonthSeries[] }) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  const captionId = `stats${useId().replace(/:/g, '')}`;
  const cell = (item: MonthSeries, index: number) => {
    const value = item.counts[index] ?? null;
    if (value === null && item.unknown?.(index)) return t('administration.statistics.unknown');
    return numbers.count(value);
  };
  return (
    <div className="subsection">
      <h3>{title}</h3>
      <LineChart title={title} description={t('administration.statistics.lineDescription')} labels={numbers.labels(months)} series={series} format={numbers.plain} />
      <ScrollTable labelledBy={captionId}>
        <table className="table admin-numbers">
          <caption id={captionId}>{t('administration.statistics.tableCaption', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('administration.statistics.month')}</th>
              {series.map((item) => (
                <th scope="col" key={item.key}>
                  {item.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((month, index) => (
              <tr key={month}>
                <th scope="row">{formatMonth(month, numbers.locale, 'long')}</th>
                {series.map((item) => (
                  <td key={item.key}>{cell(item, index)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </div>
  );
}
