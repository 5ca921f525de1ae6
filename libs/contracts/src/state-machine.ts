/**
 * One state machine per aggregate (legs, requests, tickets, callbacks, operator status): its transition table, its guards
 * and its derived sets (finished, active, needs-action...), declared once here and used by the server (which refuses an
 * illegal move with a 409) and by the dashboard (which offers only the moves the server accepts). Framework-free.
 */
export interface StateMachine<S extends string, K extends string = never> {
  /** What the aggregate is called in messages ("leg", "ticket"). */
  readonly name: string;
  readonly states: readonly S[];
  readonly transitions: Readonly<Record<S, readonly S[]>>;
  /** Named subsets of the states (e.g. finished, active), each derived or declared once. */
  readonly sets: Readonly<Record<K, readonly S[]>>;
  /** The states with no way out. */
  readonly final: readonly S[];
  can(from: S, to: S): boolean;
  /** Where the aggregate may go from `from`. */
  next(from: S): readonly S[];
  /** Is `state` in the named set? */
  is(set: K, state: S): boolean;
  /** Why `from → to` is refused, or null when it is allowed. */
  refusal(from: S, to: S): TransitionRefusal<S> | null;
}

export interface TransitionRefusal<S extends string> {
  message: string;
  from: S;
  to: S;
  allowed: readonly S[];
}

export function defineMachine<S extends string, K extends string = never>(definition: {
  name: string;
  transitions: Readonly<Record<S, readonly S[]>>;
  sets?: Readonly<Record<K, readonly S[]>>;
}): StateMachine<S, K> {
  const { name, transitions } = definition;
  const states = Object.keys(transitions) as S[];
  for (const [from, targets] of Object.entries(transitions) as Array<[S, readonly S[]]>) {
    for (const to of targets) {
      if (!(to in transitions)) throw new Error(`${name}: ${from} → ${to} leads to an unknown state`);
    }
  }
  const sets = (definition.sets ?? {}) as Readonly<Record<K, readonly S[]>>;
  const final = states.filter((s) => transitions[s].length === 0);
  const can = (from: S, to: S) => transitions[from]?.includes(to) ?? false;
  return {
    name,
    states,
    transitions,
    sets,
    final,
    can,
    next: (from) => transitions[from] ?? [],
    is: (set, state) => sets[set]?.includes(state) ?? false,
    refusal: (from, to) =>
      can(from, to)
        ? null
        : { message: `a ${name} in state ${from} cannot go to ${to}`, from, to, allowed: transitions[from] ?? [] },
  };
}
