import { describe, expect, it } from 'vitest';
import { AppealDecisionRequest, AppealView, ModerationActionType, ModerationQueueQuery } from '@lesplein/contracts/moderation';
import { ReportCategory, ReportTarget } from '@lesplein/contracts/report';
import nl from '../../../locales/nl.json';
import en from '../../../locales/en.json';
import { REPORT_REASON_CATEGORY, REPORT_REASONS } from '../../../components/report-button';
import { ASSIGNMENTS, REPORT_CATEGORIES, REPORT_STATUSES, REPORT_TARGETS, SORTS } from './moderation-helpers';

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

const bundles = { nl: nl as unknown as Tree, en: en as unknown as Tree };

describe('moderation labels', () => {
  it('offers exactly the contract’s filter values', () => {
    expect([...REPORT_STATUSES]).toEqual(ModerationQueueQuery.shape.status.unwrap().options);
    expect([...ASSIGNMENTS]).toEqual(ModerationQueueQuery.shape.assigned.unwrap().options);
    expect([...SORTS]).toEqual(ModerationQueueQuery.shape.sort.unwrap().options);
    expect([...REPORT_TARGETS]).toEqual(ReportTarget.options);
    expect([...REPORT_CATEGORIES]).toEqual(ReportCategory.options);
  });

  it('files every reason a member can pick under a category, and every category is reachable', () => {
    expect(new Set(REPORT_REASONS.map((reason) => REPORT_REASON_CATEGORY[reason]))).toEqual(new Set(ReportCategory.options));
  });

  it('names every action, category, target, status, outcome and reason in both languages', () => {
    const keys = [
      ...ModerationActionType.options.flatMap((v) => [`moderation.actions.${v}`, `moderation.actionHints.${v}`, `decisions.actions.${v}`]),
      ...ReportCategory.options.map((v) => `moderation.categories.${v}`),
      ...ReportTarget.options.flatMap((v) => [`moderation.targetTypes.${v}`, `moderation.target.id.${v}`, `decisions.targets.${v}`]),
      ...REPORT_STATUSES.map((v) => `moderation.statuses.${v}`),
      ...ASSIGNMENTS.map((v) => `moderation.assignments.${v}`),
      ...SORTS.map((v) => `moderation.sorts.${v}`),
      ...AppealDecisionRequest.shape.outcome.options.flatMap((v) => [`moderation.appeals.outcomes.${v}`, `moderation.appeals.outcomeHints.${v}`, `moderation.appeals.confirmTitle.${v}`, `decisions.appealState.${v}`]),
      ...AppealView.shape.status.options.map((v) => `decisions.appealState.${v}`),
      ...REPORT_REASONS.map((v) => `moderation.reportReasons.${v}`),
    ];
    for (const [language, bundle] of Object.entries(bundles)) {
      expect(keys.filter((key) => !lookup(bundle, key)), language).toEqual([]);
    }
  });
});
