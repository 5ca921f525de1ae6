import type { CitizenView, OverdueDossierView, SlaTargetView, TicketView } from '@hotline/contracts';
import { SLA_TARGETS, type TargetClock, clockState } from '../sla/sla-clock';
import type { OverdueDossier } from '../entities/overdue-dossier.entity';
import type { Ticket } from '../entities/ticket.entity';

const MIN = 60_000;

function targetView(c: TargetClock | null): SlaTargetView | null {
  if (!c) return null;
  return {
    state: clockState(c),
    dueAt: c.dueAt,
    warnAt: c.warnAt,
    metAt: c.metAt,
    breached: c.breached,
    targetMinutes: c.targetMs / MIN,
    consumedMinutes: c.consumedMs / MIN,
    runningSince: c.runningSince,
  };
}

export function overdueView(o: OverdueDossier | null): OverdueDossierView | null {
  if (!o) return null;
  return {
    agencyId: o.agencyId,
    dossierCode: o.dossierCode,
    originalDueDate: o.originalDueDate,
    apologyReason: o.apologyReason,
    apologySlipDate: o.apologySlipDate,
    newDueDate: o.newDueDate,
    newDateSetAt: o.newDateSetAt?.toISOString() ?? null,
  };
}

/** `citizen`: the ticket's citizen from CitizensService (name and primary phone shown in lists); null leaves both null. */
export function toTicketView(
  t: Ticket,
  overdue: OverdueDossier | null,
  citizen: CitizenView | null = null,
): TicketView {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: t.id,
    code: t.code,
    kind: t.kind,
    channel: t.channel,
    status: t.status,
    priority: t.priority,
    priorityRaisedForRemoteArea: !!t.priorityRaisedForRemoteArea,
    queue: t.queue,
    citizenId: t.citizenId,
    citizenName: citizen?.fullName ?? null,
    citizenPhone: citizen?.phones[0]?.phone ?? null,
    callId: t.callId,
    subject: t.subject,
    content: t.content,
    categoryId: t.categoryId,
    communeCode: t.communeCode,
    dossierCode: t.dossierCode,
    bcciRequestId: t.bcciRequestId,
    assigneeId: t.assigneeId,
    attachments: t.attachments ?? [],
    policyId: t.policyId,
    sla: Object.fromEntries(SLA_TARGETS.map((k) => [k, targetView(t.slaClocks?.[k] ?? null)])) as TicketView['sla'],
    slaVersion: t.slaVersion,
    receivedAt: t.receivedAt.toISOString(),
    firstResponseAt: iso(t.firstResponseAt),
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
    csat: t.csatScore ? { score: t.csatScore, comment: t.csatComment, recordedAt: t.csatAt!.toISOString() } : null,
    overdueDossier: overdueView(overdue),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
  };
}
