import './moderation/moderation.css';
import { useState } from 'react';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppealWithTokenRequest, type DecisionView } from '@lesplein/contracts/moderation';
import { useCurrentMember } from '../../features/auth/get-current-member';
import { useAppealWithToken } from '../../features/moderation/appeal-with-token';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { TextAreaField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { PageSpinner } from '../../components/ui/spinner';
import { ProblemCode } from '../../lib/problem-codes';
import { loginPathFor } from '../../lib/redirect';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';
import { MemberDecisionDetails } from './moderation/member-decision';

/**
 * /account/decisions/:id?token=… — the link in the statement-of-reasons e-mail. Works without
 * being signed in (a suspended member cannot sign in): the decision itself cannot be loaded
 * without a session, so the page points to the e-mail for it and only posts the appeal with the
 * link's token; after that it shows the decision the API returns. Without a token, members go to
 * their decisions and visitors to the log-in page.
 */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('decisions.tokenTitle'));
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const token = params.get('token');
  const member = useCurrentMember();
  const [appealed, setAppealed] = useState<DecisionView | null>(null);

  if (!token) {
    if (member.isPending) return <PageSpinner label={t('common.loading')} />;
    if (member.data) return <Navigate to={`/account/decisions#decision-${encodeURIComponent(id)}`} replace />;
    return <Navigate to={loginPathFor(location.pathname)} replace />;
  }

  return (
    <div className="page page--narrow">
      <h1>{t('decisions.tokenTitle')}</h1>
      {appealed ? (
        <>
          <Alert tone="success" focusOnMount title={t('decisions.tokenSentTitle')}>
            {t('decisions.tokenSentBody')}
          </Alert>
          <section className="section" aria-labelledby="appealed-decision">
            <h2 id="appealed-decision">{t('decisions.tokenDecisionTitle')}</h2>
            <MemberDecisionDetails decision={appealed} />
          </section>
        </>
      ) : (
        <>
          <p className="lead">{t('decisions.tokenIntro')}</p>
          <p>{t('decisions.tokenHow')}</p>
          <TokenAppealForm decisionId={id} token={token} onDone={setAppealed} />
        </>
      )}
      {member.data ? (
        <p>
          <Link to="/account/decisions">{t('decisions.toAll')}</Link>
        </p>
      ) : null}
    </div>
  );
}

function TokenAppealForm({ decisionId, token, onDone }: { decisionId: string; token: string; onDone: (decision: DecisionView) => void }) {
  const { t } = useTranslation();
  const appeal = useAppealWithToken();
  const form = useForm({ text: '' });
  const submit = onSubmit(async () => {
    // The token is not a field: an invalid one (a link cut short) is said in the form's alert.
    const input = form.check(AppealWithTokenRequest, { token, text: form.values.text });
    if (!input) return;
    try {
      onDone(await appeal.mutateAsync({ decisionId, input }));
    } catch (error) {
      form.fail(error, {
        messages: {
          [ProblemCode.notFound]: t('decisions.tokenNotFound'),
          [ProblemCode.validation]: t('decisions.tokenInvalid'),
          [ProblemCode.conflict]: t('decisions.alreadyAppealed'),
        },
      });
    }
  });
  return (
    <Form label={t('decisions.tokenFormLabel')} onSubmit={submit} error={form.formError} formRef={form.formRef}>
      <TextAreaField label={t('decisions.appealText')} hint={t('decisions.appealTextHint')} rows={6} maxLength={4000} value={form.values.text} onValueChange={(v) => form.setValue('text', v)} error={form.fieldErrors.text} required />
      <div className="actions">
        <Button type="submit" busy={appeal.isPending} busyLabel={t('common.sending')}>
          {t('decisions.appealSubmit')}
        </Button>
      </div>
    </Form>
  );
}
