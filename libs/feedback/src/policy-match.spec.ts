import { choosePolicy, PolicyKey } from './policy-match';

/** A policy row: id, kind, category, priority (null: any), active. */
const p = ([id, kind, categoryId, priority, active = true]: [
  string,
  PolicyKey['kind'],
  string | null,
  PolicyKey['priority'],
  boolean?,
]): PolicyKey => ({ id, kind, categoryId, priority, active });
const POLICIES = [
  p(['default', null, null, null]),
  p(['question', 'question', null, null]),
  p(['urgent', null, null, 'urgent']),
  p(['land', null, 'cat-land', null]),
  p(['land-urgent-feedback', 'feedback', 'cat-land', 'urgent']),
  p(['inactive-petition', 'petition', null, null, false]),
];

describe('SLA policy choice: the most specific active match wins', () => {
  it.each([
    [{ kind: 'feedback', categoryId: null, priority: 'normal' }, 'default'],
    [{ kind: 'question', categoryId: null, priority: 'normal' }, 'question'],
    [{ kind: 'question', categoryId: null, priority: 'urgent' }, 'question'], // kind beats priority
    [{ kind: 'feedback', categoryId: null, priority: 'urgent' }, 'urgent'],
    [{ kind: 'feedback', categoryId: 'cat-land', priority: 'normal' }, 'land'], // category beats kind
    [{ kind: 'feedback', categoryId: 'cat-land', priority: 'urgent' }, 'land-urgent-feedback'],
    [{ kind: 'petition', categoryId: null, priority: 'normal' }, 'default'], // inactive ignored
  ] as const)('%o → %s', (ticket, expected) => {
    expect(choosePolicy(POLICIES, ticket)?.id).toBe(expected);
  });

  it('no policy at all → null', () => {
    expect(
      choosePolicy([p(['q', 'question', null, null])], { kind: 'feedback', categoryId: null, priority: 'low' }),
    ).toBeNull();
  });
});
