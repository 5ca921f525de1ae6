import { useEffect, useState } from 'react';
import { AimOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Drawer, Form, Input, InputNumber, Row, Space, Switch } from 'antd';
import { parsePhone, type OpeningHours, type PostOfficeView } from '@hotline/contracts';
import { CommuneSelect } from '../../../components/CommuneSelect';
import { useT } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { showFormErrors } from '../../../lib/errors';
import { formatPhone } from '../../../lib/format';
import { useCommunes } from '../../../lib/reference-data';
import { OpeningHoursEditor } from './OpeningHoursEditor';

interface Values {
  code: string;
  name: string;
  address: string;
  communeCode: string;
  lat: number;
  lng: number;
  phone?: string;
  openingHours: OpeningHours;
  dailyCapacity: number;
  active: boolean;
  serviceArea: string[];
}

/** The seeded default of the server (libs/geo DEFAULT_OPENING_HOURS), offered for a new office. */
const WEEKDAY_HOURS: Array<[string, string]> = [
  ['07:00', '11:30'],
  ['13:30', '17:00'],
];
const NEW_OFFICE_HOURS: OpeningHours = {
  mon: WEEKDAY_HOURS,
  tue: WEEKDAY_HOURS,
  wed: WEEKDAY_HOURS,
  thu: WEEKDAY_HOURS,
  fri: WEEKDAY_HOURS,
  sat: [['07:00', '11:30']],
};

/** Fields a refused save may name (the api's property names are the form's). */
const OFFICE_FIELDS: ReadonlyArray<keyof Values> = [
  'code',
  'name',
  'address',
  'communeCode',
  'lat',
  'lng',
  'phone',
  'dailyCapacity',
  'active',
  'serviceArea',
  'openingHours',
];

export function PostOfficeFormDrawer({
  office,
  open,
  onClose,
  onSaved,
}: {
  office: PostOfficeView | null;
  open: boolean;
  onClose: () => void;
  onSaved: (o: PostOfficeView) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const communes = useCommunes();
  const communeCode = Form.useWatch('communeCode', form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editing = office !== null;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (office) {
      form.setFieldsValue({
        code: office.code,
        name: office.name,
        address: office.address,
        communeCode: office.communeCode,
        lat: office.lat,
        lng: office.lng,
        phone: office.phone ? formatPhone(office.phone) : '',
        openingHours: office.openingHours,
        dailyCapacity: office.dailyCapacity,
        active: office.active,
        serviceArea: office.serviceArea.filter((c) => c !== office.communeCode),
      });
    } else {
      form.setFieldsValue({ openingHours: NEW_OFFICE_HOURS, dailyCapacity: 50, active: true, serviceArea: [] });
    }
  }, [open, office, form]);

  const useCentroid = () => {
    const u = communes.byCode.get(communeCode);
    if (u) form.setFieldsValue({ lat: Number(u.lat.toFixed(5)), lng: Number(u.lng.toFixed(5)) });
  };

  const onFinish = async (v: Values) => {
    setSaving(true);
    setError(null);
    const body = {
      name: v.name.trim(),
      address: v.address.trim(),
      communeCode: v.communeCode,
      lat: v.lat,
      lng: v.lng,
      phone: v.phone?.trim() ? v.phone.trim() : null,
      openingHours: v.openingHours ?? {},
      dailyCapacity: v.dailyCapacity,
      active: v.active,
      serviceArea: v.serviceArea ?? [],
    };
    try {
      const saved = editing
        ? await api.patch<PostOfficeView>(`/post-offices/${office.id}`, body)
        : await api.post<PostOfficeView>('/post-offices', { code: v.code.trim(), ...body });
      void message.success(t('postOffice.saved', { name: saved.name }));
      onSaved(saved);
    } catch (err) {
      setError(showFormErrors(t, form, err, OFFICE_FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={editing ? t('postOffice.editTitle', { code: office.code }) : t('postOffice.createTitle')}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {office?.isDemo && <Alert type="info" showIcon title={t('postOffice.demoNotice')} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark="optional" name="post-office-form">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="code"
              label={t('postOffice.code')}
              rules={[
                { required: true, message: t('form.required') },
                { pattern: /^[A-Za-z0-9._-]{2,20}$/, message: t('postOffice.codeRule') },
              ]}
            >
              <Input disabled={editing} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="name"
              label={t('postOffice.name')}
              rules={[
                { required: true, whitespace: true, message: t('form.required') },
                { min: 2, max: 150, message: t('form.length', { min: 2, max: 150 }) },
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="address"
          label={t('postOffice.address')}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            { min: 2, max: 255, message: t('form.length', { min: 2, max: 255 }) },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="communeCode"
          label={t('postOffice.commune')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <CommuneSelect />
        </Form.Item>
        <Row gutter={16} align="bottom">
          <Col xs={12} md={8}>
            <Form.Item name="lat" label={t('postOffice.lat')} rules={[{ required: true, message: t('form.required') }]}>
              <InputNumber min={-90} max={90} step={0.00001} precision={5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="lng" label={t('postOffice.lng')} rules={[{ required: true, message: t('form.required') }]}>
              <InputNumber min={-180} max={180} step={0.00001} precision={5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item>
              <Button icon={<AimOutlined />} disabled={!communeCode} onClick={useCentroid} block>
                {t('postOffice.useCentroid')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="phone"
              label={t('postOffice.phone')}
              rules={[
                {
                  validator: (_, value: string | undefined) => {
                    if (!value?.trim()) return Promise.resolve();
                    const r = parsePhone(value);
                    return r.ok
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('postOffice.phoneInvalid', { reason: r.reason })));
                  },
                },
              ]}
            >
              <Input
                placeholder="0269 3824 444"
                onBlur={(e) => {
                  const r = parsePhone(e.target.value);
                  if (r.ok) form.setFieldValue('phone', r.display);
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="dailyCapacity"
              label={t('postOffice.capacity')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="active" label={t('postOffice.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="serviceArea" label={t('postOffice.serviceArea')} extra={t('postOffice.serviceAreaHint')}>
          <CommuneSelect mode="multiple" allowClear maxTagCount="responsive" />
        </Form.Item>
        <Form.Item name="openingHours" label={t('postOffice.openingHours')} extra={t('postOffice.openingHoursHint')}>
          <OpeningHoursEditor />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
