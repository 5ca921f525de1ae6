import type { MessageKey, Translate } from '../../i18n/i18n';

/**
 * History rows carry the server's action code and, for rows the server writes by itself, a reason in English
 * (libs/feedback tickets.service + sla-timers.service, libs/dispatch routing/legs/bcci-requests, libs/calls callbacks).
 * Known codes and reasons are shown in the screen's language; anything else (a person's typed reason, a code added
 * later) is shown as the server wrote it.
 */

/** The action code → its label; codes without a key fall back to the code itself. */
export function historyActionText(t: Translate, action: string): string {
  const key = `tickets.action.${action}` as MessageKey;
  const text = t(key);
  return text === key ? action : text;
}

type ReasonRule = {
  match: RegExp;
  key: MessageKey;
  params?: (m: RegExpExecArray, t: Translate) => Record<string, string>;
};

const TARGETS = '(firstResponse|resolution|forward)';
const target = (t: Translate, name: string) => t(`tickets.sla.target.${name}` as MessageKey);

/** Server-written reasons, matched whole (a person's free text that merely contains these words is left alone). */
const REASONS: ReasonRule[] = [
  { match: /^work started$/, key: 'tickets.reason.workStarted' },
  { match: /^request created$/, key: 'tickets.reason.requestCreated' },
  { match: /^SLA policy "(.*)" edited$/s, key: 'tickets.reason.policyEdited', params: (m) => ({ name: m[1] }) },
  {
    match: new RegExp(`^${TARGETS} warning$`),
    key: 'tickets.reason.slaWarning',
    params: (m, t) => ({ target: target(t, m[1]) }),
  },
  {
    match: new RegExp(`^${TARGETS} (?:breach|breached)$`),
    key: 'tickets.reason.slaBreached',
    params: (m, t) => ({ target: target(t, m[1]) }),
  },
  { match: /^past its due date$/, key: 'tickets.reason.pastDue' },
  { match: /^no eligible post office left$/, key: 'tickets.reason.noOfficeLeft' },
  { match: /^assigned by a supervisor$/, key: 'tickets.reason.assignedBySupervisor' },
  { match: /^not accepted in time$/, key: 'tickets.reason.notAcceptedInTime' },
  { match: /^the call was answered after all$/, key: 'tickets.reason.callAnswered' },
];

/** A history reason in the screen's language when the server wrote it, else as written. */
export function historyReasonText(t: Translate, reason: string): string {
  for (const rule of REASONS) {
    const m = rule.match.exec(reason);
    if (m) return t(rule.key, rule.params?.(m, t));
  }
  return reason;
}
