import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ReportCategory, ReportTarget } from '@lesplein/contracts/report';
import { useCreateReport } from '../features/reports/create-report';
import { onSubmit, useForm } from '../lib/use-form';
import { Button, type ButtonProps } from './ui/button';
import { Dialog } from './ui/dialog';
import { TextAreaField } from './ui/field';
import { Form } from './ui/form';

/**
 * The reasons a member can pick, each filed under one of the moderators' categories (which the
 * queue filters on); the chosen one (in their language) starts the report's text.
 */
export const REPORT_REASONS = ['spam', 'inappropriate', 'harassment', 'copyright', 'privacy', 'incorrect', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_REASON_CATEGORY: Record<ReportReason, ReportCategory> = {
  spam: 'spam',
  inappropriate: 'inappropriate',
  harassment: 'harassment',
  copyright: 'copyright',
  privacy: 'privacy',
  incorrect: 'other',
  other: 'other',
};

const DETAILS_MAX = 1800;
const ReportForm = z.object({
  reason: z.enum(REPORT_REASONS),
  details: z.string().trim().max(DETAILS_MAX),
});

/** The text sent to the moderators: the reason's label, then the member's own words if any. */
export function reportText(reasonLabel: string, details: string): string {
  const extra = details.trim();
  return extra ? `${reasonLabel}: ${extra}` : reasonLabel;
}

export interface ReportButtonProps {
  targetType: ReportTarget;
  /** The resource, comment or message id; for a profile, the member's handle. */
  target: string;
  /** Added (visually hidden) to the button's name when several report buttons share a page, e.g. "bericht van An". */
  subject?: string;
  variant?: ButtonProps['variant'];
}

/**
 * "Melden": a small dialog with a reason (radio buttons, each of a category) and optional words, sent with
 * `POST /api/reports`; afterwards a confirmation next to the button, which gets focus back.
 */
export function ReportButton({ targetType, target, subject, variant = 'link' }: ReportButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <>
      <Button variant={variant} onClick={() => { setDone(false); setOpen(true); }} aria-haspopup="dialog">
        {t('report.button')}
        {subject ? <span className="visually-hidden"> {subject}</span> : null}
      </Button>
      <Dialog open={open} title={t(`report.title.${targetType}`)} onClose={() => setOpen(false)}>
        <ReportDialogForm
          targetType={targetType}
          target={target}
          onCancel={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            setDone(true);
          }}
        />
      </Dialog>
      {done ? (
        <span role="status" className="report-done">
          {t('report.thanks')}
        </span>
      ) : null}
    </>
  );
}

function ReportDialogForm({ targetType, target, onCancel, onDone }: { targetType: ReportTarget; target: string; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const ids = `report${useId().replace(/:/g, '')}`;
  const create = useCreateReport();
  const form = useForm({ reason: '', details: '' });
  const reasonError = form.fieldErrors.reason;

  const submit = onSubmit(async () => {
    const checked = form.check(ReportForm);
    if (!checked) return;
    try {
      await create.mutateAsync({ targetType, target, category: REPORT_REASON_CATEGORY[checked.reason], reason: reportText(t(`moderation.reportReasons.${checked.reason}`), checked.details) });
      onDone();
    } catch (error) {
      // The API's `reason` is the whole text; its errors belong next to the words the member typed.
      form.fail(error, { fields: ['details'] });
    }
  });

  return (
    <Form label={t(`report.title.${targetType}`)} onSubmit={submit} error={form.formError} formRef={form.formRef}>
      <p>{t('report.intro')}</p>
      <fieldset className={['choice-list', reasonError ? 'choice-list--invalid' : ''].filter(Boolean).join(' ')} aria-describedby={reasonError ? `${ids}-error` : undefined}>
        <legend>{t('report.reasonLegend')}</legend>
        {REPORT_REASONS.map((reason, index) => (
          <div className="choice" key={reason}>
            <input
              id={`${ids}-${reason}`}
              type="radio"
              name={`${ids}-reason`}
              value={reason}
              checked={form.values.reason === reason}
              aria-invalid={reasonError ? true : undefined}
              data-autofocus={index === 0 || undefined}
              onChange={() => form.setValue('reason', reason)}
            />
            <label htmlFor={`${ids}-${reason}`}>{t(`moderation.reportReasons.${reason}`)}</label>
          </div>
        ))}
        {reasonError ? (
          <p className="field__error" id={`${ids}-error`}>
            {t('report.chooseReason')}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        label={t('report.details')}
        hint={t('report.detailsHint', { count: DETAILS_MAX })}
        name="details"
        rows={3}
        maxLength={DETAILS_MAX}
        value={form.values.details}
        onValueChange={(v) => form.setValue('details', v)}
        error={form.fieldErrors.details}
      />
      <div className="actions">
        <Button variant="secondary" onClick={onCancel} disabled={create.isPending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={create.isPending} busyLabel={t('common.sending')}>
          {t('report.submit')}
        </Button>
      </div>
    </Form>
  );
}
