import { Space, Typography } from 'antd';
import type { TicketView } from '@hotline/contracts';
import { useI18n } from '../../i18n/i18n';
import { formatPhone } from '../../lib/format';

/**
 * The ticket's citizen: name (or "not given") and the phone written the Vietnamese way. Stacked in a column of its own
 * (the supervisor's rows, the drawer), or on one line under a subject (`inline`, the tickets list).
 */
export function TicketCitizen({
  ticket,
  inline = false,
}: {
  ticket: Pick<TicketView, 'citizenName' | 'citizenPhone'>;
  inline?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Space
      orientation={inline ? 'horizontal' : 'vertical'}
      size={inline ? 6 : 0}
      separator={inline ? <Typography.Text type="secondary">·</Typography.Text> : undefined}
      data-testid="ticket-citizen"
    >
      {ticket.citizenName ? (
        <Typography.Text type={inline ? 'secondary' : undefined} data-testid="ticket-citizen-name">
          {ticket.citizenName}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary" italic>
          {t('tickets.citizen.unnamed')}
        </Typography.Text>
      )}
      <Typography.Text
        type="secondary"
        style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
        data-testid="ticket-citizen-phone"
      >
        {formatPhone(ticket.citizenPhone)}
      </Typography.Text>
    </Space>
  );
}
