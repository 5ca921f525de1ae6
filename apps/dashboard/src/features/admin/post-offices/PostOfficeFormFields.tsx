import { AimOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Switch } from 'antd';
import type { FormInstance } from 'antd';
import { parsePhone } from '@hotline/contracts';
import { CommuneSelect } from '../../../components/CommuneSelect';
import { useT } from '../../../i18n/i18n';
import { useCommunes } from '../../../lib/reference-data';
import { OpeningHoursEditor } from './OpeningHoursEditor';
import type { PostOfficeFormValues } from './post-office-form';

type FormProps = { form: FormInstance<PostOfficeFormValues> };

function NameFields({ editing }: { editing: boolean }) {
  const t = useT();
  const required = { required: true, whitespace: true, message: t('form.required') };
  return (
    <>
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
            rules={[required, { min: 2, max: 150, message: t('form.length', { min: 2, max: 150 }) }]}
          >
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="address"
        label={t('postOffice.address')}
        rules={[required, { min: 2, max: 255, message: t('form.length', { min: 2, max: 255 }) }]}
      >
        <Input />
      </Form.Item>
    </>
  );
}

/** The commune and the coordinates (the commune's centroid on request). */
function PlaceFields({ form }: FormProps) {
  const t = useT();
  const communes = useCommunes();
  const communeCode = Form.useWatch('communeCode', form);
  const useCentroid = () => {
    const u = communes.byCode.get(communeCode);
    if (u) form.setFieldsValue({ lat: Number(u.lat.toFixed(5)), lng: Number(u.lng.toFixed(5)) });
  };
  const coordinate = (name: 'lat' | 'lng', max: number) => (
    <Col xs={12} md={8}>
      <Form.Item name={name} label={t(`postOffice.${name}`)} rules={[{ required: true, message: t('form.required') }]}>
        <InputNumber min={-max} max={max} step={0.00001} precision={5} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <>
      <Form.Item
        name="communeCode"
        label={t('postOffice.commune')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <CommuneSelect />
      </Form.Item>
      <Row gutter={16} align="bottom">
        {coordinate('lat', 90)}
        {coordinate('lng', 180)}
        <Col xs={24} md={8}>
          <Form.Item>
            <Button icon={<AimOutlined />} disabled={!communeCode} onClick={useCentroid} block>
              {t('postOffice.useCentroid')}
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

function PhoneField({ form }: FormProps) {
  const t = useT();
  const validator = (_: unknown, value: string | undefined) => {
    if (!value?.trim()) return Promise.resolve();
    const r = parsePhone(value);
    return r.ok ? Promise.resolve() : Promise.reject(new Error(t('postOffice.phoneInvalid', { reason: r.reason })));
  };
  return (
    <Form.Item name="phone" label={t('postOffice.phone')} rules={[{ validator }]}>
      <Input
        placeholder="0269 3824 444"
        onBlur={(e) => {
          const r = parsePhone(e.target.value);
          if (r.ok) form.setFieldValue('phone', r.display);
        }}
      />
    </Form.Item>
  );
}

function ServiceFields({ form }: FormProps) {
  const t = useT();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <PhoneField form={form} />
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
    </>
  );
}

export function PostOfficeFormFields({ form, editing }: FormProps & { editing: boolean }) {
  return (
    <>
      <NameFields editing={editing} />
      <PlaceFields form={form} />
      <ServiceFields form={form} />
    </>
  );
}
