import './partners/partners.css';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ConsentRequestView, PartnerScope } from '@lesplein/contracts/partner';
import { useConsentRequest } from '../../features/partners/get-consent-request';
import { useDecideConsent } from '../../features/partners/decide-consent';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { CheckboxField } from '../../components/ui/field';
import { PageSpinner, Spinner } from '../../components/ui/spinner';
import { ExternalLink } from '../../components/external-link';
import { isApiError } from '../../lib/api-client';
import { grantedScopes, initialScopeSelection, REQUIRED_SCOPE, toggleScope } from '../../lib/consent-scopes';
import { describeProblem } from '../../lib/form';
import { currentLanguage } from '../../lib/i18n';
import { ProblemCode } from '../../lib/problem-codes';
import { usePageTitle } from '../use-page-title';
import { PartnerHeading, PartnerIdentityDetails, PartnerNoticeDetails, useScopeNames } from './partners/partner-parts';

/**
 * /consent/:uid — a partner asks to let the member log in and receive some of their data. The
 * provider sent the browser here (through GET /api/partner-consent/:uid, whose path scopes its
 * interaction cookie), so every call stays below /api/partner-consent/:uid. Signed-out members
 * are sent to log in by the route guard, and by the 401 of the details call.
 */
export function Component() {
  const { t } = useTranslation();
  const { uid = '' } = useParams();
  const request = useConsentRequest(uid);
  usePageTitle(request.data ? t('consent.title', { name: request.data.partner.name }) : t('consent.pageTitle'));

  if (request.isPending) return <PageSpinner label={t('consent.loading')} />;
  if (request.isError) {
    // 404: unknown, expired, answered or another browser's; 400: not an id the provider makes.
    const gone = isApiError(request.error) && (request.error.status === 404 || request.error.status === 400 || request.error.code === ProblemCode.notFound);
    return (
      <div className="page page--narrow">
        <h1>{gone ? t('consent.goneTitle') : t('consent.pageTitle')}</h1>
        {gone ? (
          <>
            <p>{t('consent.goneBody')}</p>
            <ul>
              <li>{t('consent.goneExpired')}</li>
              <li>{t('consent.goneAnswered')}</li>
              <li>{t('consent.goneOtherBrowser')}</li>
            </ul>
            <p>{t('consent.goneWhatNow')}</p>
          </>
        ) : (
          <Alert tone="error">{describeProblem(request.error).formError}</Alert>
        )}
        <p>
          <Link to="/account/authorisations">{t('consent.manageLink')}</Link>
        </p>
      </div>
    );
  }
  return <ConsentForm key={request.data.uid} request={request.data} />;
}

function ConsentForm({ request }: { request: ConsentRequestView }) {
  const { t } = useTranslation();
  const scopeNames = useScopeNames();
  const { partner } = request;
  const decide = useDecideConsent();
  const [selected, setSelected] = useState<PartnerScope[]>(() => initialScopeSelection(request.scopes, request.previouslyGranted));
  const [choice, setChoice] = useState<'allow' | 'deny' | null>(null);
  // Set once the API answered: the browser is on its way to the partner.
  const [leaving, setLeaving] = useState(false);
  const busy = decide.isPending || leaving;
  const { reset } = decide;

  // Back from the partner through the browser's page cache: the buttons work again.
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      setLeaving(false);
      reset();
    };
    window.addEventListener('pageshow', onPageShow);
    return () => window.removeEventListener('pageshow', onPageShow);
  }, [reset]);
  const error = decide.error ? describeProblem(decide.error, { messages: { [ProblemCode.notFound]: t('consent.goneShort') } }).formError : null;

  const send = (decision: 'allow' | 'deny') => {
    setChoice(decision);
    decide.mutate(
      {
        uid: request.uid,
        decision: decision === 'allow' ? { decision: 'allow', scopes: grantedScopes(request.scopes, selected), language: currentLanguage() } : { decision: 'deny' },
      },
      {
        onSuccess: ({ redirectTo }) => {
          setLeaving(true);
          window.location.assign(redirectTo);
        },
      },
    );
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send('allow');
  };

  return (
    <div className="page consent">
      <p className="consent__kicker">{t('consent.kicker')}</p>
      <PartnerHeading partner={partner} level={1} />
      <p className="lead">{t('consent.lead', { name: partner.name })}</p>

      {request.lookAlikeOf ? (
        <Alert tone="warning" title={t('consent.lookAlikeTitle')}>
          <p>{t('consent.lookAlike', { name: partner.name, other: request.lookAlikeOf, host: request.redirectHost })}</p>
        </Alert>
      ) : null}
      {request.reason !== 'first_time' ? <Alert tone="info">{t(`consent.reasons.${request.reason}`, { name: partner.name })}</Alert> : null}

      <section className="section" aria-labelledby="consent-who">
        <h2 id="consent-who">{t('consent.whoTitle')}</h2>
        <PartnerIdentityDetails partner={partner} />
        <p className="consent__host">{t('consent.returnsTo', { host: request.redirectHost })}</p>
      </section>

      <form className="section form" aria-labelledby="consent-what" onSubmit={submit} noValidate>
        <h2 id="consent-what">{t('consent.whatTitle')}</h2>
        <fieldset className="field-group consent__scopes" aria-describedby="consent-scopes-hint">
          <legend>{t('consent.scopesLegend', { name: partner.name })}</legend>
          <p className="field__hint" id="consent-scopes-hint">
            {t('consent.scopesHint')}
          </p>
          {request.scopes.map((scope) => (
            <CheckboxField
              key={scope}
              name="scopes"
              value={scope}
              label={scopeNames.label(scope)}
              hint={scope === REQUIRED_SCOPE ? t('consent.openidHint') : undefined}
              checked={scope === REQUIRED_SCOPE || selected.includes(scope)}
              disabled={scope === REQUIRED_SCOPE || busy}
              onCheckedChange={(checked) => setSelected((current) => toggleScope(request.scopes, current, scope, checked))}
            />
          ))}
        </fieldset>

        <details className="disclosure">
          <summary>{t('consent.noticeSummary', { version: partner.notice.version })}</summary>
          <div className="disclosure__body">
            <PartnerNoticeDetails notice={partner.notice} />
          </div>
        </details>
        <p>
          <ExternalLink href={partner.privacyPolicyUrl}>{t('partners.identity.privacyPolicyLink', { name: partner.name })}</ExternalLink>
        </p>
        <p className="form__note">{t('consent.withdrawNote')}</p>

        {error ? (
          <Alert tone="error" focusOnMount>
            {error}
          </Alert>
        ) : null}
        <div className="actions consent__actions">
          <Button type="submit" busy={busy && choice === 'allow'} busyLabel={t('consent.allowing')} disabled={busy}>
            {t('consent.allow')}
          </Button>
          <Button variant="secondary" onClick={() => send('deny')} busy={busy && choice === 'deny'} busyLabel={t('consent.denying')} disabled={busy}>
            {t('consent.deny')}
          </Button>
        </div>
        {leaving ? <Spinner label={t('consent.leaving', { host: request.redirectHost })} /> : null}
      </form>
    </div>
  );
}
