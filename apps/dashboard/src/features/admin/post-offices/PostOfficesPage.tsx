import { useState } from 'react';
import {
  DownloadOutlined,
  LeftOutlined,
  PlusOutlined,
  ReloadOutlined,
  RightOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Page, PostOfficeView } from '@hotline/contracts';
import { CommuneSelect } from '../../../components/CommuneSelect';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { formatPhone } from '../../../lib/format';
import { useCommunes } from '../../../lib/reference-data';
import { invalidate, useResource } from '../../../lib/resource';
import { downloadTemplate, PostOfficeImportModal } from './PostOfficeImportModal';
import { PostOfficeFormDrawer } from './PostOfficeFormDrawer';
import { summarizeOpeningHours } from './OpeningHoursEditor';

const PAGE_SIZE = 20;

interface Filters {
  q?: string;
  communeCode?: string;
  active?: boolean;
}

export default function PostOfficesPage() {
  const t = useT();
  const { message } = App.useApp();
  const communes = useCommunes();
  const [filters, setFilters] = useState<Filters>({});
  /** Cursors of the pages seen so far: cursors[i] opens page i (the api pages by opaque cursor, forward only). */
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [pageIndex, setPageIndex] = useState(0);
  const [editing, setEditing] = useState<PostOfficeView | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);

  const query = { ...filters, limit: PAGE_SIZE, cursor: cursors[pageIndex] };
  const page = useResource<Page<PostOfficeView>>(`post-offices?${JSON.stringify(query)}`, () =>
    api.get<Page<PostOfficeView>>('/post-offices', { query }),
  );

  const changeFilters = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setCursors([null]);
    setPageIndex(0);
  };

  const next = () => {
    const c = page.data?.nextCursor;
    if (!c) return;
    setCursors((list) => [...list.slice(0, pageIndex + 1), c]);
    setPageIndex((i) => i + 1);
  };

  const afterChange = () => {
    invalidate('post-offices');
  };

  const columns: TableColumnsType<PostOfficeView> = [
    {
      title: t('postOffice.code'),
      dataIndex: 'code',
      key: 'code',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('postOffice.name'),
      dataIndex: 'name',
      key: 'name',
      render: (v: string, o) => (
        <Space orientation="vertical" size={0}>
          <span>
            {v} {o.isDemo && <Tag color="purple">{t('postOffice.demo')}</Tag>}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.address}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('postOffice.commune'),
      dataIndex: 'communeCode',
      key: 'communeCode',
      render: (c: string) => communes.byCode.get(c)?.name ?? c,
    },
    { title: t('postOffice.phone'), dataIndex: 'phone', key: 'phone', render: (p: string | null) => formatPhone(p) },
    {
      title: t('postOffice.openingHours'),
      dataIndex: 'openingHours',
      key: 'openingHours',
      render: (h: PostOfficeView['openingHours']) => (
        <Typography.Text style={{ fontSize: 12 }}>
          {summarizeOpeningHours(h, t) || t('postOffice.closed')}
        </Typography.Text>
      ),
    },
    {
      title: t('postOffice.serviceArea'),
      dataIndex: 'serviceArea',
      key: 'serviceArea',
      render: (codes: string[]) => (
        <Tooltip title={codes.map((c) => communes.byCode.get(c)?.name ?? c).join(', ')}>
          <span>{t('postOffice.communeCount', { n: codes.length })}</span>
        </Tooltip>
      ),
    },
    { title: t('postOffice.capacity'), dataIndex: 'dailyCapacity', key: 'dailyCapacity', align: 'right' },
    {
      title: t('postOffice.active'),
      dataIndex: 'active',
      key: 'active',
      render: (a: boolean) =>
        a ? <Tag color="green">{t('postOffice.isActive')}</Tag> : <Tag>{t('postOffice.isInactive')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, o) => (
        <Button
          type="link"
          size="small"
          onClick={() => {
            setEditing(o);
            setFormOpen(true);
          }}
        >
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.postOffices')}
        subtitle={t('postOffice.subtitle')}
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void downloadTemplate().catch((e) => void message.error(describeError(t, e)))}
            >
              {t('import.template')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid="import-open">
              {t('import.open')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setEditing(null);
                setFormOpen(true);
              }}
            >
              {t('postOffice.create')}
            </Button>
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('postOffice.search')}
          style={{ width: 280 }}
          onSearch={(q) => changeFilters({ q: q.trim() || undefined })}
          data-testid="post-office-search"
        />
        <CommuneSelect
          allowClear
          style={{ width: 260 }}
          value={filters.communeCode}
          onChange={(v) => changeFilters({ communeCode: (v as string | undefined) ?? undefined })}
        />
        <Select<'true' | 'false'>
          allowClear
          placeholder={t('postOffice.active')}
          style={{ width: 170 }}
          value={filters.active === undefined ? undefined : filters.active ? 'true' : 'false'}
          onChange={(v) => changeFilters({ active: v === undefined ? undefined : v === 'true' })}
          options={[
            { value: 'true', label: t('postOffice.isActive') },
            { value: 'false', label: t('postOffice.isInactive') },
          ]}
        />
        <Button icon={<ReloadOutlined />} onClick={page.reload}>
          {t('common.reload')}
        </Button>
      </Space>
      {page.error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, page.error)} style={{ marginBottom: 16 }} />
      )}
      <div data-testid="post-offices-table">
        <Table<PostOfficeView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={page.data?.items ?? []}
          loading={page.loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </div>
      <Space style={{ marginTop: 16, width: '100%', justifyContent: 'flex-end' }}>
        <Typography.Text type="secondary">{t('common.pageN', { n: pageIndex + 1 })}</Typography.Text>
        <Button icon={<LeftOutlined />} disabled={pageIndex === 0} onClick={() => setPageIndex((i) => i - 1)}>
          {t('common.prev')}
        </Button>
        <Button disabled={!page.data?.nextCursor} onClick={next}>
          {t('common.next')} <RightOutlined />
        </Button>
      </Space>
      <PostOfficeFormDrawer
        open={formOpen}
        office={editing}
        onClose={() => setFormOpen(false)}
        onSaved={() => {
          setFormOpen(false);
          afterChange();
        }}
      />
      <PostOfficeImportModal open={importOpen} onClose={() => setImportOpen(false)} onImported={afterChange} />
    </>
  );
}
