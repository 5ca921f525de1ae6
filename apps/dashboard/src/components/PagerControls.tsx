import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useT } from '../i18n/i18n';

/** Previous / next under a cursor-paged table. */
export function PagerControls({
  pageIndex,
  hasNext,
  onPrev,
  onNext,
}: {
  pageIndex: number;
  hasNext: boolean;
  onPrev: () => void;
  onNext: () => void;
}) {
  const t = useT();
  return (
    <Space style={{ marginTop: 16, width: '100%', justifyContent: 'flex-end' }}>
      <Typography.Text type="secondary">{t('common.pageN', { n: pageIndex + 1 })}</Typography.Text>
      <Button icon={<LeftOutlined />} disabled={pageIndex === 0} onClick={onPrev}>
        {t('common.prev')}
      </Button>
      <Button disabled={!hasNext} onClick={onNext}>
        {t('common.next')} <RightOutlined />
      </Button>
    </Space>
  );
}
