import { describe, expect, it } from 'vitest';
import { DecisionRequest } from '@lesplein/contracts/moderation';
import { actionsFor, decisionRequest, DEFAULT_FILTERS, filtersFromSearch, isSevere, keepVisible, searchFromFilters, targetLink } from './moderation-helpers';

const ID = '0b8f2f64-9c1e-4c53-a3f1-2f1c8c2d3e4f';

describe('report queue filters in the address', () => {
  it('defaults to open reports, any assignee, oldest first', () => {
    expect(filtersFromSearch(new URLSearchParams())).toEqual(DEFAULT_FILTERS);
    expect(searchFromFilters(DEFAULT_FILTERS).toString()).toBe('');
  });

  it('reads every filter and writes it back the same way', () => {
    const search = 'status=actioned&type=comment&category=harassment&assigned=me&sort=newest';
    const filters = filtersFromSearch(new URLSearchParams(search));
    expect(filters).toEqual({ status: 'actioned', targetType: 'comment', category: 'harassment', assigned: 'me', sort: 'newest' });
    expect(searchFromFilters(filters).toString()).toBe(search);
  });

  it('ignores values the API does not know', () => {
    expect(filtersFromSearch(new URLSearchParams('status=closed&type=folder&category=rude&assigned=you&sort=random'))).toEqual(DEFAULT_FILTERS);
  });
});

describe('targetLink', () => {
  it('links a resource to its page, and the others where their context points', () => {
    expect(targetLink('resource', ID)).toBe(`/resources/${ID}`);
    expect(targetLink('comment', ID)).toBeNull();
    expect(targetLink('member', ID)).toBeNull();
    expect(targetLink('message', ID)).toBeNull();
    const other = '00000000-0000-4000-8000-0000000000aa';
    expect(targetLink('comment', ID, { resourceId: other, memberHandle: null })).toBe(`/resources/${other}`);
    expect(targetLink('member', ID, { resourceId: null, memberHandle: 'an.peeters' })).toBe('/members/an.peeters');
    expect(targetLink('message', ID, { resourceId: null, memberHandle: 'jonas' })).toBe('/members/jonas');
    expect(targetLink('message', ID, { resourceId: null, memberHandle: null })).toBeNull();
  });
});

describe('actionsFor', () => {
  it('offers hide and remove only for content', () => {
    expect(actionsFor('resource')).toContain('hide');
    expect(actionsFor('comment')).toContain('remove');
    expect(actionsFor('member')).toEqual(['dismiss', 'warn', 'suspend', 'ban']);
    expect(actionsFor('message')).not.toContain('hide');
  });

  it('calls remove, suspend and ban severe', () => {
    expect(['dismiss', 'hide', 'remove', 'warn', 'suspend', 'ban'].filter((a) => isSevere(a as never))).toEqual(['remove', 'suspend', 'ban']);
  });
});

describe('decisionRequest', () => {
  const target = { targetType: 'resource' as const, targetId: ID };
  const values = { action: 'hide' as const, ground: 'Gebruiksvoorwaarden 4.2', reasons: 'Het leermiddel bevat reclame voor een bijlesbureau.', suspendDays: '7' };

  it('leaves the suspension out unless suspending', () => {
    const request = decisionRequest(target, values);
    expect(request).not.toHaveProperty('suspendDays');
    expect(DecisionRequest.safeParse(request).success).toBe(true);
  });

  it('sends whole days with a suspension', () => {
    const request = decisionRequest(target, { ...values, action: 'suspend', suspendDays: ' 14 ' });
    expect(request.suspendDays).toBe(14);
    expect(DecisionRequest.safeParse(request).success).toBe(true);
  });

  it('lets the contract refuse a suspension without days, or with something else', () => {
    const missing = DecisionRequest.safeParse(decisionRequest(target, { ...values, action: 'suspend', suspendDays: '' }));
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.path).toEqual(['suspendDays']);
    expect(DecisionRequest.safeParse(decisionRequest(target, { ...values, action: 'suspend', suspendDays: '1,5' })).success).toBe(false);
  });

  it('reports a missing action on the action field', () => {
    const checked = DecisionRequest.safeParse(decisionRequest(target, { ...values, action: '' }));
    expect(checked.error?.issues.map((issue) => issue.path.join('.'))).toContain('action');
  });
});

describe('keepVisible', () => {
  it('drops selected reports that are no longer shown', () => {
    expect([...keepVisible(new Set(['a', 'b', 'c']), ['b', 'c', 'd'])]).toEqual(['b', 'c']);
  });
});
