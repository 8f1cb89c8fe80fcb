import './moderation/moderation.css';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppealDecisionRequest, type AppealQueueItem } from '@lesplein/contracts/moderation';
import { useCurrentMember } from '../../features/auth/get-current-member';
import { useDecideAppeal } from '../../features/moderation/decide-appeal';
import { useAppealQueue } from '../../features/moderation/list-appeals';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/dialog';
import { TextAreaField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { formatDate, formatDateTime } from '../../lib/format';
import { ProblemCode } from '../../lib/problem-codes';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';
import { ChoiceGroup } from './moderation/choice-group';
import { ModerationTabs } from './moderation/moderation-tabs';
import { TargetReference } from './moderation/report-target';

type Outcome = AppealDecisionRequest['outcome'];

/**
 * /moderation/appeals — moderators: open appeals, oldest first. Each shows the decision (action,
 * target, rule, statement of reasons, who took it) and the member's appeal; another moderator
 * upholds or overturns it with an explanation the member receives. The moderator who took the
 * decision sees that they cannot decide the appeal.
 */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(`${t('moderation.appeals.title')} · ${t('moderation.title')}`);
  const appeals = useAppealQueue();
  const { data: me } = useCurrentMember();
  const [message, setMessage] = useState<string | null>(null);
  const items = appeals.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="page">
      <h1>{t('moderation.appeals.title')}</h1>
      <ModerationTabs />
      <p className="lead">{t('moderation.appeals.intro')}</p>
      {message ? (
        <Alert tone="success" focusOnMount>
          {message}
        </Alert>
      ) : null}
      {appeals.isPending ? <Spinner label={t('common.loading')} /> : null}
      {appeals.isError ? <Alert tone="error">{describeProblem(appeals.error).formError}</Alert> : null}
      {appeals.isSuccess && items.length === 0 ? <p>{t('moderation.appeals.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="moderation-cards" aria-label={t('moderation.appeals.listLabel')}>
          {items.map((item) => (
            <li key={item.appeal.id}>
              <AppealCard item={item} own={item.decidedBy !== null && item.decidedBy.handle === me?.handle} onDecided={(text) => setMessage(text)} />
            </li>
          ))}
        </ul>
      ) : null}
      {appeals.hasNextPage ? (
        <p className="actions">
          <Button variant="secondary" onClick={() => void appeals.fetchNextPage()} busy={appeals.isFetchingNextPage} busyLabel={t('common.loadingMore')}>
            {t('common.loadMore')}
          </Button>
        </p>
      ) : null}
      {appeals.isFetchNextPageError ? <Alert tone="error">{describeProblem(appeals.error).formError}</Alert> : null}
    </div>
  );
}

function AppealCard({ item, own, onDecided }: { item: AppealQueueItem; own: boolean; onDecided: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const { appeal, decision, member } = item;
  const headingId = `appeal-${appeal.id}`;
  const memberName = member?.displayName ?? t('moderation.formerMember');
  return (
    <article className="moderation-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('moderation.appeals.heading', { name: memberName, action: t(`moderation.actions.${decision.action}`) })}</h2>
      {own ? (
        <Alert tone="warning" title={t('moderation.appeals.ownTitle')}>
          {t('moderation.appeals.ownBody')}
        </Alert>
      ) : null}
      <h3>{t('moderation.appeals.decisionTitle')}</h3>
      <dl className="details">
        <div className="details__row">
          <dt>{t('moderation.decide.action')}</dt>
          <dd>
            {t(`moderation.actions.${decision.action}`)} · {formatDateTime(decision.createdAt, language)}
            {decision.suspendedUntil ? ` · ${t('moderation.appeals.suspendedUntil', { date: formatDate(decision.suspendedUntil, language) })}` : null}
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('moderation.appeals.target')}</dt>
          <dd>
            {t(`moderation.targetTypes.${decision.targetType}`)}: <TargetReference targetType={decision.targetType} targetId={decision.targetId} />
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('moderation.decide.ground')}</dt>
          <dd className="moderation-text">{decision.ground}</dd>
        </div>
        <div className="details__row">
          <dt>{t('moderation.decide.reasons')}</dt>
          <dd className="moderation-text">{decision.reasons}</dd>
        </div>
        <div className="details__row">
          <dt>{t('moderation.appeals.decidedBy')}</dt>
          <dd>{item.decidedBy ? (own ? t('moderation.appeals.decidedByYou', { name: item.decidedBy.displayName }) : item.decidedBy.displayName) : t('moderation.formerMember')}</dd>
        </div>
        <div className="details__row">
          <dt>{t('moderation.appeals.member')}</dt>
          <dd>{member ? <Link to={`/members/${encodeURIComponent(member.handle)}`}>{member.displayName}</Link> : t('moderation.formerMember')}</dd>
        </div>
      </dl>
      <h3>{t('moderation.appeals.appealTitle', { date: formatDateTime(appeal.createdAt, language) })}</h3>
      <blockquote className="moderation-quote">
        <p className="moderation-text">{appeal.text}</p>
      </blockquote>
      {own ? null : <AppealDecisionForm appealId={appeal.id} memberName={memberName} onDecided={onDecided} />}
    </article>
  );
}

function AppealDecisionForm({ appealId, memberName, onDecided }: { appealId: string; memberName: string; onDecided: (message: string) => void }) {
  const { t } = useTranslation();
  const decide = useDecideAppeal();
  const form = useForm<{ outcome: Outcome | ''; text: string }>({ outcome: '', text: '' });
  const [confirming, setConfirming] = useState<AppealDecisionRequest | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const messages = {
    [ProblemCode.forbidden]: t('moderation.appeals.forbidden'),
    [ProblemCode.conflict]: t('moderation.appeals.conflict'),
    [ProblemCode.notFound]: t('moderation.appeals.notFound'),
  };

  const submit = onSubmit(() => {
    const checked = form.check(AppealDecisionRequest, { outcome: form.values.outcome || undefined, text: form.values.text });
    if (checked) {
      setConfirmError(null);
      setConfirming(checked);
    }
  });

  const confirm = () => {
    if (!confirming) return;
    setConfirmError(null);
    decide.mutate(
      { appealId, input: confirming },
      {
        onSuccess: () => {
          setConfirming(null);
          onDecided(confirming.outcome === 'overturned' ? t('moderation.appeals.overturnedDone', { name: memberName }) : t('moderation.appeals.upheldDone', { name: memberName }));
        },
        onError: (error) => {
          const described = describeProblem(error, { fields: ['outcome', 'text'], messages });
          if (Object.keys(described.fieldErrors).length > 0) {
            setConfirming(null);
            form.fail(error, { messages });
          } else {
            setConfirmError(described.formError);
          }
        },
      },
    );
  };

  const label = t('moderation.appeals.formLabel', { name: memberName });
  return (
    <>
      <Form label={label} onSubmit={submit} error={form.formError} formRef={form.formRef}>
        <ChoiceGroup<Outcome>
          legend={t('moderation.appeals.outcome')}
          choices={(['upheld', 'overturned'] as const).map((value) => ({ value, label: t(`moderation.appeals.outcomes.${value}`), hint: t(`moderation.appeals.outcomeHints.${value}`) }))}
          value={form.values.outcome}
          onChange={(value) => form.setValue('outcome', value)}
          error={form.fieldErrors.outcome}
        />
        <TextAreaField
          label={t('moderation.appeals.explanation')}
          hint={t('moderation.appeals.explanationHint')}
          rows={4}
          maxLength={4000}
          value={form.values.text}
          onValueChange={(v) => form.setValue('text', v)}
          error={form.fieldErrors.text}
          required
        />
        <div className="actions">
          <Button type="submit">{t('moderation.appeals.submit')}</Button>
        </div>
      </Form>
      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? t(`moderation.appeals.confirmTitle.${confirming.outcome}`) : ''}
        confirmLabel={confirming ? t(`moderation.appeals.outcomes.${confirming.outcome}`) : ''}
        busyLabel={t('common.saving')}
        busy={decide.isPending}
        error={confirmError}
        onConfirm={confirm}
        onCancel={() => setConfirming(null)}
      >
        {confirming ? <p>{t(`moderation.appeals.confirmBody.${confirming.outcome}`, { name: memberName })}</p> : null}
      </ConfirmDialog>
    </>
  );
}
