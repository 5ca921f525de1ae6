import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import type { ServiceLevel } from '@hotline/contracts';
import { useI18n, type MessageKey } from '../../../i18n/i18n';
import { describeError } from '../../../lib/errors';

/** Shared by the tariffs and promotions tabs of the pricing screen. */

export const PRICING_KEYS = { tariffs: 'bcci-tariffs', promotions: 'bcci-promotions' };

export const SERVICE_LEVEL_LABELS: Record<ServiceLevel, MessageKey> = {
  '2': 'catalog.level.2',
  '3': 'catalog.level.3',
  '4': 'catalog.level.4',
  toan_trinh: 'catalog.level.toan_trinh',
  mot_phan: 'catalog.level.mot_phan',
};

/** Money inputs: integer VND written 1.234.567 while typing. */
export const vndFormatter = (v: string | number | undefined) => String(v ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
export const vndParser = (v: string | undefined) => Number((v ?? '').replace(/\D/g, '')) as unknown as number;

interface ToolbarProps {
  createLabel: string;
  createTestId: string;
  help: string;
  error: unknown;
  onCreate: () => void;
  onReload: () => void;
}

/** Create and reload buttons, the tab's help, and the list's error if it could not be read. */
export function PricingToolbar({ createLabel, createTestId, help, error, onCreate, onReload }: ToolbarProps) {
  const { t } = useI18n();
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid={createTestId}>
          {createLabel}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={onReload}>
          {t('common.reload')}
        </Button>
      </Space>
      <Alert type="info" showIcon title={help} style={{ marginBottom: 16 }} />
      {error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, error)} style={{ marginBottom: 16 }} />
      )}
    </>
  );
}
