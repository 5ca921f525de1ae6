import { ValidationError } from '../errors/domain-errors';
import { decodeTextCursor, encodeTextCursor, toTextPage } from './text-cursor';
import { encodeCursor } from './cursor';

describe('text cursor (lists in order of a unique text key)', () => {
  it.each(['operator1', 'DEMO-23575', 'nguyễn.lan', 'a|b'])('round-trips %s', (key) => {
    expect(decodeTextCursor(encodeTextCursor(key))).toBe(key);
  });

  it.each([
    ['garbage', 'not base64 of a key'],
    [encodeCursor({ at: new Date(0), id: 'x' }), 'a cursor of the (instant, id) keyset'],
    [Buffer.from('k|').toString('base64url'), 'an empty key'],
    [encodeTextCursor('x'.repeat(201)), 'a key longer than any list key'],
  ])('refuses %s (%s) with a 400 naming the field', (cursor) => {
    expect(() => decodeTextCursor(cursor, 'cursor')).toThrow(ValidationError);
    expect(() => decodeTextCursor(cursor)).toThrow(/cursor: not a cursor returned by this list/);
  });

  it('pages limit + 1 rows: the extra row only says there is more, the cursor points after the last row shown', () => {
    const rows = ['a', 'b', 'c'].map((code) => ({ code }));
    const page = toTextPage(
      rows,
      2,
      (r) => r.code,
      (r) => r.code.toUpperCase(),
    );
    expect(page.items).toEqual(['A', 'B']);
    expect(decodeTextCursor(page.nextCursor!)).toBe('b');
    expect(
      toTextPage(
        rows,
        3,
        (r) => r.code,
        (r) => r.code,
      ),
    ).toEqual({ items: ['a', 'b', 'c'], nextCursor: null });
    expect(
      toTextPage(
        [],
        3,
        (r: { code: string }) => r.code,
        (r) => r,
      ),
    ).toEqual({ items: [], nextCursor: null });
  });
});
