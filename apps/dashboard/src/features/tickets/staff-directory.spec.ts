import type { OperatorDirectoryEntry, OperatorStatusRow } from '@hotline/contracts';
import { mergeStaff } from './staff-directory';

const row = (
  userId: string,
  fullName: string | null,
  status: OperatorStatusRow['status'],
  extension: string | null = null,
): OperatorStatusRow => ({
  userId,
  fullName,
  extension,
  status,
  since: '2026-11-30T01:00:00.000Z',
  reason: null,
  version: 1,
});
const dir = (id: string, fullName: string, extension: string | null = null): OperatorDirectoryEntry => ({
  id,
  fullName,
  extension,
});

describe('mergeStaff', () => {
  it('offers every directory operator, connected or not, by Vietnamese name, with the live status when the board has one', () => {
    const { pickable } = mergeStaff(
      [dir('b', 'Trần Văn Minh', '1002'), dir('a', 'Đào Văn An'), dir('c', 'Nguyễn Thị Lan', '1001')],
      [row('c', 'Nguyễn Thị Lan', 'on_call', '1001')],
    );
    expect(pickable).toEqual([
      { userId: 'a', fullName: 'Đào Văn An', extension: null, status: null },
      { userId: 'c', fullName: 'Nguyễn Thị Lan', extension: '1001', status: 'on_call' },
      { userId: 'b', fullName: 'Trần Văn Minh', extension: '1002', status: null },
    ]);
  });

  it('does not offer a board row the directory left out (a disabled operator) but still names it', () => {
    const { pickable, byId } = mergeStaff([dir('a', 'Đào Văn An')], [row('x', 'Siu Văn Hùng', 'offline', '1009')]);
    expect(pickable.map((e) => e.userId)).toEqual(['a']);
    expect(byId.get('x')).toEqual({ userId: 'x', fullName: 'Siu Văn Hùng', extension: '1009', status: 'offline' });
  });

  it('falls back to the named board rows while the directory is not loaded', () => {
    const { pickable } = mergeStaff(undefined, [row('b', 'Trần Văn Minh', 'available'), row('n', null, 'break')]);
    expect(pickable).toEqual([{ userId: 'b', fullName: 'Trần Văn Minh', extension: null, status: 'available' }]);
  });

  it('is empty with nothing loaded', () => {
    expect(mergeStaff(undefined, undefined)).toEqual({ byId: new Map(), pickable: [] });
  });
});
