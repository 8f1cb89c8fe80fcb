import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { describeProblem, pickLanguage } from '../../../lib/form';
import { ProblemCode } from '../../../lib/problem-codes';

// Pieces shared by the administration pages (/admin/*).

/** "← Beheer": back to the overview. */
export function AdminBackLink() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/admin">{t('administration.back')}</Link>
    </p>
  );
}

/**
 * The message for a refused admin action. Where the API explains a refusal in its own words
 * (an admin changing their own role, demoting the last admin: 403 and 409 with a bilingual
 * `detail`), that explanation is shown instead of the general message for the code.
 */
export function refusalMessage(error: unknown): string {
  if (isApiError(error) && error.problem.detail && (error.code === ProblemCode.forbidden || error.code === ProblemCode.conflict)) {
    return describeProblem(error, { messages: { [error.code]: pickLanguage(error.problem.detail) } }).formError ?? pickLanguage(error.problem.detail);
  }
  return describeProblem(error).formError ?? '';
}

/**
 * A wide table that may scroll sideways: the scrolling box is a labelled region that takes
 * keyboard focus, so it can be scrolled without a mouse.
 */
export function ScrollTable({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="table-wrap admin-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
