import './moderation/moderation.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppealRequest, type DecisionView } from '@lesplein/contracts/moderation';
import { useAppealDecision } from '../../features/moderation/appeal-decision';
import { useMyDecisions } from '../../features/moderation/list-my-decisions';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { TextAreaField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { formatDate } from '../../lib/format';
import { ProblemCode } from '../../lib/problem-codes';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';
import { MemberDecisionDetails } from './moderation/member-decision';

/**
 * /account/decisions — "Beslissingen over mij": every moderation decision about the member
 * (newest first) with the statement of reasons, the rule applied, the end of a suspension, and
 * the appeal; a form to appeal once while that is possible.
 */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('decisions.title'));
  const decisions = useMyDecisions();
  const items = decisions.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="page">
      <h1>{t('decisions.title')}</h1>
      <p className="lead">{t('decisions.intro')}</p>
      {decisions.isPending ? <Spinner label={t('common.loading')} /> : null}
      {decisions.isError ? <Alert tone="error">{describeProblem(decisions.error).formError}</Alert> : null}
      {decisions.isSuccess && items.length === 0 ? <p>{t('decisions.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="moderation-cards" aria-label={t('decisions.listLabel')}>
          {items.map((decision) => (
            <li key={decision.id}>
              <DecisionCard decision={decision} />
            </li>
          ))}
        </ul>
      ) : null}
      {decisions.hasNextPage ? (
        <p className="actions">
          <Button variant="secondary" onClick={() => void decisions.fetchNextPage()} busy={decisions.isFetchingNextPage} busyLabel={t('common.loadingMore')}>
            {t('common.loadMore')}
          </Button>
        </p>
      ) : null}
      {decisions.isFetchNextPageError ? <Alert tone="error">{describeProblem(decisions.error).formError}</Alert> : null}
    </div>
  );
}

function DecisionCard({ decision }: { decision: DecisionView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const [appealing, setAppealing] = useState(false);
  const [sent, setSent] = useState(false);
  const headingId = `decision-${decision.id}`;
  const heading = t('decisions.heading', { action: t(`decisions.actions.${decision.action}`), date: formatDate(decision.createdAt, language) });
  return (
    <article className="moderation-card" aria-labelledby={`${headingId}-title`} id={headingId}>
      <h2 id={`${headingId}-title`}>{heading}</h2>
      <MemberDecisionDetails decision={decision} />
      {sent ? (
        <Alert tone="success" focusOnMount>
          {t('decisions.appealSent')}
        </Alert>
      ) : null}
      {decision.canAppeal ? (
        appealing ? (
          <AppealForm
            decision={decision}
            label={t('decisions.appealFormLabel', { heading })}
            onCancel={() => setAppealing(false)}
            onDone={() => {
              setAppealing(false);
              setSent(true);
            }}
          />
        ) : (
          <div className="actions">
            <Button variant="secondary" onClick={() => setAppealing(true)}>
              {t('decisions.appealOpen')}
              <span className="visually-hidden"> {heading}</span>
            </Button>
          </div>
        )
      ) : null}
    </article>
  );
}

function AppealForm({ decision, label, onCancel, onDone }: { decision: DecisionView; label: string; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const appeal = useAppealDecision();
  const form = useForm({ text: '' });
  const submit = onSubmit(async () => {
    const input = form.check(AppealRequest, form.values);
    if (!input) return;
    try {
      await appeal.mutateAsync({ decisionId: decision.id, input });
      onDone();
    } catch (error) {
      form.fail(error, { messages: { [ProblemCode.conflict]: t('decisions.alreadyAppealed') } });
    }
  });
  return (
    <Form label={label} onSubmit={submit} error={form.formError} formRef={form.formRef}>
      <TextAreaField label={t('decisions.appealText')} hint={t('decisions.appealTextHint')} rows={5} maxLength={4000} value={form.values.text} onValueChange={(v) => form.setValue('text', v)} error={form.fieldErrors.text} required autoFocus />
      <div className="actions">
        <Button variant="secondary" onClick={onCancel} disabled={appeal.isPending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={appeal.isPending} busyLabel={t('common.sending')}>
          {t('decisions.appealSubmit')}
        </Button>
      </div>
    </Form>
  );
}
