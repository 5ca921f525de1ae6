import { useState } from 'react';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table } from 'antd';
import type { Page, PostOfficeView } from '@hotline/contracts';
import { PageHeader } from '../../../components/PageHeader';
import { PagerControls } from '../../../components/PagerControls';
import { useT } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { useCursorPages } from '../../../lib/pages';
import { useCommunes } from '../../../lib/reference-data';
import { invalidate, useResource } from '../../../lib/resource';
import { postOfficeColumns } from './post-office-columns';
import { PostOfficeFilters, type PostOfficeFilterValues } from './PostOfficeFilters';
import { downloadTemplate, PostOfficeImportModal } from './PostOfficeImportModal';
import { PostOfficeFormDrawer } from './PostOfficeFormDrawer';

const PAGE_SIZE = 20;

function HeaderActions({ onImport, onCreate }: { onImport: () => void; onCreate: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <Space wrap>
      <Button
        icon={<DownloadOutlined />}
        onClick={() => void downloadTemplate().catch((e) => void message.error(describeError(t, e)))}
      >
        {t('import.template')}
      </Button>
      <Button icon={<UploadOutlined />} onClick={onImport} data-testid="import-open">
        {t('import.open')}
      </Button>
      <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
        {t('postOffice.create')}
      </Button>
    </Space>
  );
}

/** One page of offices (GET /post-offices, in code order) for the filters, and the table showing it. */
function OfficesTable({ filters, onEdit }: { filters: PostOfficeFilterValues; onEdit: (o: PostOfficeView) => void }) {
  const t = useT();
  const communes = useCommunes();
  const pages = useCursorPages();
  const query = { ...filters, limit: PAGE_SIZE, cursor: pages.cursor };
  const page = useResource<Page<PostOfficeView>>(`post-offices?${JSON.stringify(query)}`, () =>
    api.get<Page<PostOfficeView>>('/post-offices', { query }),
  );
  return (
    <>
      {page.error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, page.error)} style={{ marginBottom: 16 }} />
      )}
      <div data-testid="post-offices-table">
        <Table<PostOfficeView>
          rowKey="id"
          size="middle"
          columns={postOfficeColumns(t, communes.byCode, onEdit)}
          dataSource={page.data?.items ?? []}
          loading={page.loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </div>
      <PagerControls
        pageIndex={pages.pageIndex}
        hasNext={!!page.data?.nextCursor}
        onPrev={pages.prev}
        onNext={() => pages.next(page.data?.nextCursor)}
      />
    </>
  );
}

export default function PostOfficesPage() {
  const t = useT();
  const [filters, setFilters] = useState<PostOfficeFilterValues>({});
  const [form, setForm] = useState<{ office: PostOfficeView | null } | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const afterChange = () => invalidate('post-offices');
  return (
    <>
      <PageHeader
        title={t('nav.postOffices')}
        subtitle={t('postOffice.subtitle')}
        extra={<HeaderActions onImport={() => setImportOpen(true)} onCreate={() => setForm({ office: null })} />}
      />
      <PostOfficeFilters
        value={filters}
        onChange={(patch) => setFilters((f) => ({ ...f, ...patch }))}
        onReload={() => invalidate('post-offices?')}
      />
      {/* A new filter starts again at the first page: the table (and its cursors) is remounted. */}
      <OfficesTable key={JSON.stringify(filters)} filters={filters} onEdit={(office) => setForm({ office })} />
      <PostOfficeFormDrawer
        open={form !== null}
        office={form?.office ?? null}
        onClose={() => setForm(null)}
        onSaved={() => {
          setForm(null);
          afterChange();
        }}
      />
      <PostOfficeImportModal open={importOpen} onClose={() => setImportOpen(false)} onImported={afterChange} />
    </>
  );
}
