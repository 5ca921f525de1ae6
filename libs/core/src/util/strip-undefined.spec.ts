import { stripUndefined } from './strip-undefined';

class PatchDto {
  name?: string;
  phone?: string | null;
  active?: boolean;
}

describe('stripUndefined', () => {
  it('drops the declared fields a request left out (own properties with class-field semantics), keeps null and falsy values', () => {
    const dto = Object.assign(new PatchDto(), { phone: null, active: false });
    expect(Object.keys(dto)).toEqual(['name', 'phone', 'active']); // what tsc's ES2022 output (and this spec's swc) gives
    expect(stripUndefined(dto)).toEqual({ phone: null, active: false });
    expect(Object.keys(stripUndefined(dto))).toEqual(['phone', 'active']);
    expect({ ...{ name: 'Bưu cục', phone: '+842693888222', active: true }, ...stripUndefined(dto) }).toEqual({
      name: 'Bưu cục',
      phone: null,
      active: false,
    });
  });

  it('returns a new object and leaves the input alone', () => {
    const dto = { a: 1, b: undefined };
    const out = stripUndefined(dto);
    expect(out).not.toBe(dto);
    expect(dto).toHaveProperty('b');
  });
});
