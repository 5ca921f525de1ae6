/** Which SLA policy applies to a ticket: the most specific active match (category 4 > kind 2 > priority 1 points). Pure. */
import type { TicketKind, TicketPriority } from '@hotline/contracts';

export interface PolicyKey {
  id: string;
  kind: TicketKind | null;
  categoryId: string | null;
  priority: TicketPriority | null;
  active: boolean;
}

export function choosePolicy<P extends PolicyKey>(
  policies: readonly P[],
  ticket: { kind: TicketKind; categoryId: string | null; priority: TicketPriority },
): P | null {
  let best: P | null = null;
  let bestScore = -1;
  for (const p of policies) {
    if (!p.active) continue;
    if (p.kind !== null && p.kind !== ticket.kind) continue;
    if (p.categoryId !== null && p.categoryId !== ticket.categoryId) continue;
    if (p.priority !== null && p.priority !== ticket.priority) continue;
    const score = (p.categoryId ? 4 : 0) + (p.kind ? 2 : 0) + (p.priority ? 1 : 0);
    if (score > bestScore || (score === bestScore && best !== null && p.id < best.id)) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}
