import './administration/administration.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageViewStatsQuery } from '@lesplein/contracts/analytics';
import { usePageViewStats } from '../../features/analytics/get-page-view-stats';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { formatCount, formatDate } from '../../lib/format';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';
import { AdminBackLink, ScrollTable } from './administration/admin-parts';

type Range = { from: string; to: string };

/**
 * /admin/analytics — "Paginabezoeken": the aggregate page-view counter (visitors who allowed
 * statistics), per route pattern and per day over a range of days; counts from 1 to 9 are shown
 * as "<10".
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  usePageTitle(t('analytics.admin.title'));
  const [range, setRange] = useState<Range>({ from: '', to: '' });
  const form = useForm<Range>({ from: '', to: '' });
  const stats = usePageViewStats(range);
  const routesId = `routes${useId().replace(/:/g, '')}`;
  const daysId = `days${useId().replace(/:/g, '')}`;
  const count = (value: number | null) => (value === null ? t('analytics.admin.suppressed') : formatCount(value, language));

  const submit = () => {
    const values = { ...(form.values.from ? { from: form.values.from } : {}), ...(form.values.to ? { to: form.values.to } : {}) };
    if (!form.check(PageViewStatsQuery, values)) return;
    setRange(form.values);
  };

  return (
    <div className="page">
      <AdminBackLink />
      <h1>{t('analytics.admin.title')}</h1>
      <p className="lead">{t('analytics.admin.intro')}</p>
      <Form label={t('analytics.admin.rangeLabel')} onSubmit={onSubmit(submit)} error={form.formError} formRef={form.formRef} className="admin-filters admin-filters--inline">
        <TextField label={t('analytics.admin.from')} type="date" name="from" value={form.values.from} onValueChange={(value) => form.setValue('from', value)} error={form.fieldErrors.from} />
        <TextField label={t('analytics.admin.to')} type="date" name="to" value={form.values.to} onValueChange={(value) => form.setValue('to', value)} error={form.fieldErrors.to} />
        <Button type="submit" variant="secondary">
          {t('analytics.admin.show')}
        </Button>
      </Form>
      {stats.isFetching ? <Spinner label={t('common.loading')} /> : null}
      {stats.isError ? <Alert tone="error">{describeProblem(stats.error).formError}</Alert> : null}
      {stats.data ? (
        <>
          <p>
            {t('analytics.admin.summary', { from: formatDate(stats.data.from, language), to: formatDate(stats.data.to, language), total: count(stats.data.total) })}
          </p>
          <p className="admin-muted">{t('analytics.admin.suppressionNote', { below: stats.data.suppressedBelow })}</p>
          <section className="section" aria-labelledby={routesId}>
            <h2 id={routesId}>{t('analytics.admin.byRoute')}</h2>
            {stats.data.routes.length === 0 ? (
              <p>{t('analytics.admin.none')}</p>
            ) : (
              <ScrollTable labelledBy={routesId}>
                <table className="table admin-numbers">
                  <thead>
                    <tr>
                      <th scope="col">{t('analytics.admin.route')}</th>
                      <th scope="col">{t('analytics.admin.views')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {stats.data.routes.map((row) => (
                      <tr key={row.route}>
                        <th scope="row">
                          <code>{row.route}</code>
                        </th>
                        <td>{count(row.views)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollTable>
            )}
          </section>
          <section className="section" aria-labelledby={daysId}>
            <h2 id={daysId}>{t('analytics.admin.byDay')}</h2>
            <ScrollTable labelledBy={daysId}>
              <table className="table admin-numbers">
                <thead>
                  <tr>
                    <th scope="col">{t('analytics.admin.day')}</th>
                    <th scope="col">{t('analytics.admin.views')}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.data.days.map((row) => (
                    <tr key={row.day}>
                      <th scope="row">{formatDate(row.day, language)}</th>
                      <td>{count(row.views)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </section>
        </>
      ) : null}
    </div>
  );
}
