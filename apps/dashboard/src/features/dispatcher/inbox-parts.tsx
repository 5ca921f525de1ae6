import { useEffect, useState } from 'react';
import { Space, Tag, Typography } from 'antd';
import { LEG_MACHINE, type LegView } from '@hotline/contracts';
import { useI18n, type Translate } from '../../i18n/i18n';
import { formatDateTime, formatPhone } from '../../lib/format';
import { useCommunes } from '../../lib/reference-data';

/** Pieces of the dispatcher inbox shared by its cards. */

/** Re-renders every `ms` (countdowns, live overdue flags). */
export function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export const isOverdue = (leg: LegView, now: number) =>
  !LEG_MACHINE.is('finished', leg.state) && (leg.overdue || Date.parse(leg.dueAt) < now);

export function DueDate({ leg, now }: { leg: LegView; now: number }) {
  const { t } = useI18n();
  const overdue = isOverdue(leg, now);
  return (
    <Space size={4} wrap data-testid="leg-due" data-overdue={overdue ? 'true' : 'false'}>
      <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(leg.dueAt)}</span>
      {overdue && <Tag color="red">{t('disp.overdue')}</Tag>}
    </Space>
  );
}

/** Where to go, with whom to speak and what to check (the request's contact and dossier). */
export function Address({ leg }: { leg: LegView }) {
  const { t } = useI18n();
  const communes = useCommunes();
  const commune = communes.byCode.get(leg.communeCode);
  return (
    <Space size={4} wrap>
      <span>
        {leg.addressDetail}
        {commune ? `, ${commune.name}` : ''}
      </span>
      {leg.remoteArea && <Tag color="volcano">{t('op.pop.remote')}</Tag>}
      {leg.request && (
        <Typography.Text type="secondary" data-testid="leg-contact">
          {[
            leg.request.contactName,
            formatPhone(leg.request.citizenPhone),
            `${t('disp.dossier')} ${leg.request.dossierCode} — ${leg.request.procedureName}`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      )}
    </Space>
  );
}

/** What happened to the leg so far, in one line: courier, pickup checklist, failed attempts, proof of delivery. */
export function stepSummary(t: Translate, leg: LegView): string {
  const parts: string[] = [];
  if (leg.courierName) parts.push(`${t('disp.courier.short')}: ${leg.courierName}`);
  if (leg.pickupChecklist) {
    const c = leg.pickupChecklist;
    parts.push(
      c.missingDocuments.length
        ? t('disp.pickup.missingN', { n: c.missingDocuments.length })
        : t('disp.pickup.completeShort'),
    );
    if (c.feeReceiptNumber) parts.push(`${t('disp.pickup.receiptShort')} ${c.feeReceiptNumber}`);
  }
  if (leg.failedAttempts) parts.push(t('disp.failedN', { n: leg.failedAttempts }));
  if (leg.proofOfDelivery)
    parts.push(
      `${leg.proofOfDelivery.recipientName} (${leg.proofOfDelivery.relation}) ${formatDateTime(leg.proofOfDelivery.deliveredAt)}`,
    );
  return parts.join(' · ');
}
