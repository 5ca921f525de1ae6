import type { CSSProperties } from 'react';
import { Space, Typography } from 'antd';
import { LEG_MACHINE } from '@hotline/contracts';
import { useT } from '../../i18n/i18n';
import { stateKey } from '../dispatcher/legs-data';
import { LEG_STATE_HEX } from './live/supervision-rules';

/** An area's fill, as the map paints it. */
function Swatch({ style }: { style: CSSProperties }) {
  return (
    <span
      style={{
        display: 'inline-block',
        width: 16,
        height: 12,
        border: '1px solid #5b6b7f',
        verticalAlign: 'middle',
        marginRight: 6,
        ...style,
      }}
    />
  );
}

/** A marker, as the map draws it (an office, a leg). */
function Dot({ style }: { style: CSSProperties }) {
  return (
    <span
      style={{
        display: 'inline-block',
        width: 10,
        height: 10,
        borderRadius: 5,
        margin: '0 9px 0 3px',
        verticalAlign: 'middle',
        ...style,
      }}
    />
  );
}

export function MapLegend({ withLegs }: { withLegs: boolean }) {
  const t = useT();
  return (
    <Space orientation="vertical" size={4}>
      <span>
        <Swatch style={{ background: '#f7fbff' }} />
        {t('map.legendCommune')}
      </span>
      <span>
        <Swatch style={{ background: 'repeating-linear-gradient(45deg,#ffe7ba 0 3px,#fa8c16 3px 5px)' }} />
        {t('map.legendRemote')}
      </span>
      <span>
        <Dot style={{ background: '#d4380d' }} />
        {t('map.legendOffice')}
      </span>
      <span>
        <Dot style={{ background: '#8c8c8c' }} />
        {t('map.legendOfficeInactive')}
      </span>
      {withLegs && (
        <>
          <Typography.Text strong style={{ marginTop: 6 }}>
            {t('sup.map.legendLegs')}
          </Typography.Text>
          {LEG_MACHINE.sets.active.map((s) => (
            <span key={s}>
              <Dot style={{ background: LEG_STATE_HEX[s] }} />
              {t(stateKey(s))}
            </span>
          ))}
          <span>
            <Dot style={{ border: '2px solid #1677ff', background: '#fff' }} />
            {t('sup.map.legendApproximate')}
          </span>
        </>
      )}
    </Space>
  );
}
