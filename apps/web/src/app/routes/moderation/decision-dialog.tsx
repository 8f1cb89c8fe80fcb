import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionRequest, type DecisionView } from '@lesplein/contracts/moderation';
import type { ReportTarget } from '@lesplein/contracts/report';
import { useCreateDecision } from '../../../features/moderation/create-decision';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { Form } from '../../../components/ui/form';
import { describeProblem } from '../../../lib/form';
import { ProblemCode } from '../../../lib/problem-codes';
import { useAutoFocus } from '../../../lib/use-auto-focus';
import { onSubmit, useForm } from '../../../lib/use-form';
import { ChoiceGroup } from './choice-group';
import { actionsFor, decisionRequest, isSevere, type DecisionAction, type DecisionValues } from './moderation-helpers';
import { TargetReference } from './report-target';

export interface DecisionTarget {
  targetType: ReportTarget;
  targetId: string;
}

const FIELDS = ['action', 'ground', 'reasons', 'suspendDays'];

/**
 * "Beslissen" on a report: the action, the rule applied, the statement of reasons (which the
 * member receives) and, for a suspension, the days; then a summary to confirm. Every open report
 * on the same target is closed by the decision.
 */
export function DecisionDialog({ target, onClose, onDone }: { target: DecisionTarget | null; onClose: () => void; onDone: (decision: DecisionView) => void }) {
  const { t } = useTranslation();
  const create = useCreateDecision();
  return (
    <Dialog open={target !== null} title={t('moderation.decide.title')} onClose={onClose} busy={create.isPending}>
      {target ? <DecisionForm target={target} create={create} onCancel={onClose} onDone={onDone} /> : null}
    </Dialog>
  );
}

function DecisionForm({ target, create, onCancel, onDone }: { target: DecisionTarget; create: ReturnType<typeof useCreateDecision>; onCancel: () => void; onDone: (decision: DecisionView) => void }) {
  const { t } = useTranslation();
  const form = useForm<DecisionValues>({ action: '', ground: '', reasons: '', suspendDays: '7' });
  const [checked, setChecked] = useState<DecisionRequest | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [returned, setReturned] = useState(false);
  const action = form.values.action;
  const editRef = useRef<HTMLDivElement>(null);

  // Back from the summary: focus returns to the form (the dialog only focuses it when it opens).
  useEffect(() => {
    if (returned && !checked) editRef.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [returned, checked]);

  const toConfirm = onSubmit(() => {
    const request = form.check(DecisionRequest, decisionRequest(target, form.values));
    if (request) setChecked(request);
  });

  const confirm = () => {
    if (!checked) return;
    setConfirmError(null);
    create.mutate(checked, {
      onSuccess: onDone,
      onError: (error) => {
        const options = {
          fields: FIELDS,
          messages: {
            [ProblemCode.forbidden]: t('moderation.decide.forbidden'),
            [ProblemCode.notFound]: t('moderation.decide.notFound'),
            [ProblemCode.conflict]: t('moderation.decide.conflict'),
          },
        };
        const described = describeProblem(error, options);
        if (Object.keys(described.fieldErrors).length > 0) {
          // About a field: back to the form, next to that field (which gets focus).
          setReturned(false);
          setChecked(null);
          form.fail(error, options);
        } else {
          setConfirmError(described.formError);
        }
      },
    });
  };

  if (checked) {
    return <ConfirmStep request={checked} busy={create.isPending} error={confirmError} onBack={() => {
          setConfirmError(null);
          setReturned(true);
          setChecked(null);
        }} onConfirm={confirm} />;
  }

  const actions = actionsFor(target.targetType);
  return (
    <div ref={editRef}>
      <Form label={t('moderation.decide.title')} onSubmit={toConfirm} error={form.formError} formRef={form.formRef}>
        <p>
          {t(`moderation.targetTypes.${target.targetType}`)}: <TargetReference targetType={target.targetType} targetId={target.targetId} />
        </p>
        <ChoiceGroup<DecisionAction>
          legend={t('moderation.decide.action')}
          choices={actions.map((value) => ({ value, label: t(`moderation.actions.${value}`), hint: t(`moderation.actionHints.${value}`) }))}
          value={action}
          onChange={(value) => form.setValue('action', value)}
          error={form.fieldErrors.action}
          autoFocus
        />
        {action === 'suspend' ? (
          <TextField
            label={t('moderation.decide.suspendDays')}
            hint={t('moderation.decide.suspendDaysHint')}
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            step={1}
            className="field--short"
            value={form.values.suspendDays}
            onValueChange={(v) => form.setValue('suspendDays', v)}
            error={form.fieldErrors.suspendDays}
            required
          />
        ) : null}
        <TextField
          label={t('moderation.decide.ground')}
          hint={t('moderation.decide.groundHint')}
          value={form.values.ground}
          onValueChange={(v) => form.setValue('ground', v)}
          error={form.fieldErrors.ground}
          maxLength={300}
          required
        />
        <TextAreaField
          label={t('moderation.decide.reasons')}
          hint={action === 'dismiss' ? t('moderation.decide.reasonsHintDismiss') : t('moderation.decide.reasonsHint')}
          rows={5}
          maxLength={4000}
          value={form.values.reasons}
          onValueChange={(v) => form.setValue('reasons', v)}
          error={form.fieldErrors.reasons}
          required
        />
        <p className="form__note">{t('moderation.decide.closesReports')}</p>
        <div className="actions dialog__actions">
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{t('moderation.decide.review')}</Button>
        </div>
      </Form>
    </div>
  );
}

/** The summary to confirm: what happens, on which rule, and what the member will read. */
function ConfirmStep({ request, busy, error, onBack, onConfirm }: { request: DecisionRequest; busy: boolean; error: string | null; onBack: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  const ref = useAutoFocus<HTMLDivElement>();
  return (
    <div ref={ref} tabIndex={-1} role="group" className="moderation-confirm" aria-labelledby="decision-confirm-title">
      <h3 id="decision-confirm-title">{t('moderation.decide.confirmTitle')}</h3>
      <dl className="details">
        <div className="details__row">
          <dt>{t('moderation.decide.action')}</dt>
          <dd>
            {t(`moderation.actions.${request.action}`)}
            {request.suspendDays ? ` · ${t('moderation.decide.days', { count: request.suspendDays })}` : null}
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('moderation.decide.ground')}</dt>
          <dd className="moderation-text">{request.ground}</dd>
        </div>
        <div className="details__row">
          <dt>{t('moderation.decide.reasons')}</dt>
          <dd className="moderation-text">{request.reasons}</dd>
        </div>
      </dl>
      <p>{request.action === 'dismiss' ? t('moderation.decide.confirmDismiss') : t('moderation.decide.confirmBody')}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="actions dialog__actions">
        <Button variant="secondary" onClick={onBack} disabled={busy}>
          {t('moderation.decide.back')}
        </Button>
        <Button variant={isSevere(request.action) || request.action === 'hide' ? 'danger' : 'primary'} onClick={onConfirm} busy={busy} busyLabel={t('common.saving')}>
          {t('moderation.decide.confirm')}
        </Button>
      </div>
    </div>
  );
}
