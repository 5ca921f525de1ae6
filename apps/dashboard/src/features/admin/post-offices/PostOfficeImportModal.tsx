import { useState } from 'react';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { ERROR_CODES, type CsvLineError, type PostOfficeImportResult as ImportResult } from '@hotline/contracts';
import { type MessageKey, useT } from '../../../i18n/i18n';
import { ApiError, api } from '../../../lib/api-client';
import { describeError, translateRule } from '../../../lib/errors';

/** CSV columns (snake_case) and the DTO fields (camelCase) the server may name in a line error. */
const FIELD_LABELS: Record<string, MessageKey> = {
  code: 'postOffice.code',
  name: 'postOffice.name',
  address: 'postOffice.address',
  commune_code: 'postOffice.commune',
  communeCode: 'postOffice.commune',
  lat: 'postOffice.lat',
  lng: 'postOffice.lng',
  phone: 'postOffice.phone',
  opening_hours: 'postOffice.openingHours',
  openingHours: 'postOffice.openingHours',
  daily_capacity: 'postOffice.capacity',
  dailyCapacity: 'postOffice.capacity',
  active: 'postOffice.active',
  serves: 'postOffice.serviceArea',
  serviceArea: 'postOffice.serviceArea',
};

export async function downloadTemplate(): Promise<void> {
  const blob = await api.get<Blob>('/post-offices/import/template', { as: 'blob' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'post-offices-template.csv';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The upload and its outcome: the counts, or every bad line of a refused file. */
function useCsvImport(onImported: () => void) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [lineErrors, setLineErrors] = useState<CsvLineError[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const clearOutcome = () => {
    setResult(null);
    setLineErrors(null);
    setError(null);
  };
  const submit = async () => {
    if (!file) return;
    setUploading(true);
    clearOutcome();
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      setResult(await api.request<ImportResult>('POST', '/post-offices/import', { form }));
      onImported();
    } catch (err) {
      const errors =
        err instanceof ApiError && err.code === ERROR_CODES.CSV_INVALID
          ? (err.body.details as { errors?: CsvLineError[] } | undefined)?.errors
          : undefined;
      if (errors?.length) setLineErrors(errors);
      else setError(describeError(t, err));
    } finally {
      setUploading(false);
    }
  };
  const choose = (f: File | null) => {
    setFile(f);
    clearOutcome();
  };
  return { file, uploading, result, lineErrors, error, submit, choose };
}

function LineErrors({ errors }: { errors: CsvLineError[] }) {
  const t = useT();
  return (
    <>
      <Alert
        type="error"
        showIcon
        data-testid="import-errors-summary"
        title={t('import.failed', { n: errors.length })}
        description={t('import.nothingWritten')}
      />
      <div data-testid="import-errors">
        <Table<CsvLineError>
          size="small"
          rowKey={(e, i) => `${e.line}-${e.field ?? ''}-${i}`}
          dataSource={errors}
          pagination={errors.length > 10 ? { pageSize: 10 } : false}
          columns={[
            { title: t('import.line'), dataIndex: 'line', key: 'line', width: 80 },
            {
              title: t('import.field'),
              dataIndex: 'field',
              key: 'field',
              width: 180,
              render: (f?: string) => (f ? (FIELD_LABELS[f] ? `${t(FIELD_LABELS[f])} (${f})` : f) : '—'),
            },
            // A rule the api names (constraint) is said in the UI language; the others as the server wrote them.
            {
              title: t('import.message'),
              dataIndex: 'message',
              key: 'message',
              render: (_: string, e: CsvLineError) =>
                e.constraint ? translateRule(t, { ...e, constraint: e.constraint }) : e.message,
            },
          ]}
        />
      </div>
    </>
  );
}

function CsvDropZone({ file, onChoose }: { file: File | null; onChoose: (f: File | null) => void }) {
  const t = useT();
  const fileList: UploadFile[] = file ? [{ uid: 'csv', name: file.name, status: 'done', size: file.size }] : [];
  return (
    <Upload.Dragger
      accept=".csv,text/csv"
      maxCount={1}
      fileList={fileList}
      beforeUpload={(f) => {
        onChoose(f);
        return false;
      }}
      onRemove={() => {
        onChoose(null);
        return true;
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{t('import.drop')}</p>
      <p className="ant-upload-hint">{t('import.dropHint')}</p>
    </Upload.Dragger>
  );
}

function ImportOutcome({ upload: { result, lineErrors, error } }: { upload: ReturnType<typeof useCsvImport> }) {
  const t = useT();
  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
      {error && <Alert type="error" showIcon title={error} />}
      {result && (
        <Alert
          type="success"
          showIcon
          data-testid="import-result"
          title={t('import.done', { total: result.total, created: result.created, updated: result.updated })}
        />
      )}
      {lineErrors && <LineErrors errors={lineErrors} />}
    </Space>
  );
}

export function PostOfficeImportModal({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const upload = useCsvImport(onImported);
  const footer = [
    <Button
      key="template"
      icon={<DownloadOutlined />}
      onClick={() => void downloadTemplate().catch((e) => void message.error(describeError(t, e)))}
      style={{ float: 'left' }}
    >
      {t('import.template')}
    </Button>,
    <Button key="close" onClick={onClose}>
      {t('common.close')}
    </Button>,
    <Button
      key="import"
      type="primary"
      disabled={!upload.file}
      loading={upload.uploading}
      onClick={() => void upload.submit()}
      data-testid="import-submit"
    >
      {t('import.submit')}
    </Button>,
  ];
  return (
    <Modal
      open={open}
      title={t('import.title')}
      width={820}
      onCancel={onClose}
      afterOpenChange={(o) => !o && upload.choose(null)}
      footer={footer}
    >
      <Typography.Paragraph type="secondary">{t('import.help')}</Typography.Paragraph>
      <CsvDropZone file={upload.file} onChoose={upload.choose} />
      <ImportOutcome upload={upload} />
    </Modal>
  );
}
