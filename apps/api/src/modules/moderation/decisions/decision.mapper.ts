import type { DecisionView } from '@lesplein/contracts/moderation';

interface DecisionRow {
  id: string;
  targetType: DecisionView['targetType'];
  targetId: string;
  action: DecisionView['action'];
  reasons: string;
  ground: string;
  suspendedUntil: Date | null;
  createdAt: Date;
  appeal: { id: string; status: 'open' | 'upheld' | 'overturned'; text: string; outcome: string | null; createdAt: Date; decidedAt: Date | null } | null;
}

export function toDecisionView(row: DecisionRow, canAppeal: boolean): DecisionView {
  return {
    id: row.id,
    targetType: row.targetType,
    targetId: row.targetId,
    action: row.action,
    reasons: row.reasons,
    ground: row.ground,
    suspendedUntil: row.suspendedUntil?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    appeal: row.appeal
      ? { id: row.appeal.id, status: row.appeal.status, text: row.appeal.text, outcome: row.appeal.outcome, createdAt: row.appeal.createdAt.toISOString(), decidedAt: row.appeal.decidedAt?.toISOString() ?? null }
      : null,
    canAppeal: canAppeal && row.action !== 'dismiss' && row.action !== 'approve' && row.appeal === null,
  };
}
