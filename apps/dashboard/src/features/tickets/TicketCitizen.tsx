import { Space, Typography } from 'antd';
import type { TicketView } from '@hotline/contracts';
import { useI18n } from '../../i18n/i18n';
import { formatPhone } from '../../lib/format';

/** The ticket's citizen: name (or "not given") over the phone written the Vietnamese way. Lists and the supervisor's rows. */
export function TicketCitizen({ ticket }: { ticket: Pick<TicketView, 'citizenName' | 'citizenPhone'> }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={0} data-testid="ticket-citizen">
      {ticket.citizenName ? (
        <Typography.Text data-testid="ticket-citizen-name">{ticket.citizenName}</Typography.Text>
      ) : (
        <Typography.Text type="secondary" italic>
          {t('tickets.citizen.unnamed')}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} data-testid="ticket-citizen-phone">
        {formatPhone(ticket.citizenPhone)}
      </Typography.Text>
    </Space>
  );
}
