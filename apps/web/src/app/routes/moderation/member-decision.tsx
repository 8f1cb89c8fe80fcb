import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DecisionView } from '@lesplein/contracts/moderation';
import { formatDate, formatDateTime } from '../../../lib/format';

/**
 * A decision as the member concerned reads it: what was decided and when, about what, the
 * statement of reasons, the rule applied, the end of a suspension, and the appeal with its outcome.
 */
export function MemberDecisionDetails({ decision }: { decision: DecisionView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const { appeal } = decision;
  return (
    <dl className="details">
      <div className="details__row">
        <dt>{t('decisions.decided')}</dt>
        <dd>
          {t(`decisions.actions.${decision.action}`)} · {formatDateTime(decision.createdAt, language)}
        </dd>
      </div>
      <div className="details__row">
        <dt>{t('decisions.about')}</dt>
        <dd>
          {decision.targetType === 'resource' ? <Link to={`/resources/${encodeURIComponent(decision.targetId)}`}>{t('decisions.targets.resource')}</Link> : t(`decisions.targets.${decision.targetType}`)}
        </dd>
      </div>
      <div className="details__row">
        <dt>{t('decisions.reasons')}</dt>
        <dd className="moderation-text">{decision.reasons}</dd>
      </div>
      <div className="details__row">
        <dt>{t('decisions.ground')}</dt>
        <dd className="moderation-text">{decision.ground}</dd>
      </div>
      {decision.suspendedUntil ? (
        <div className="details__row">
          <dt>{t('decisions.suspendedUntil')}</dt>
          <dd>{formatDateTime(decision.suspendedUntil, language)}</dd>
        </div>
      ) : null}
      <div className="details__row">
        <dt>{t('decisions.appeal')}</dt>
        <dd>
          {appeal === null
            ? decision.canAppeal
              ? t('decisions.appealState.possible')
              : t('decisions.appealState.notPossible')
            : appeal.status === 'open'
              ? t('decisions.appealState.open', { date: formatDate(appeal.createdAt, language) })
              : t(`decisions.appealState.${appeal.status}`, { date: formatDate(appeal.decidedAt ?? appeal.createdAt, language) })}
        </dd>
      </div>
      {appeal ? (
        <div className="details__row">
          <dt>{t('decisions.yourAppeal')}</dt>
          <dd className="moderation-text">{appeal.text}</dd>
        </div>
      ) : null}
      {appeal?.outcome ? (
        <div className="details__row">
          <dt>{t('decisions.outcome')}</dt>
          <dd className="moderation-text">{appeal.outcome}</dd>
        </div>
      ) : null}
    </dl>
  );
}
