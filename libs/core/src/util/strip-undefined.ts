/**
 * The fields a request actually sent. tsc (target ES2022) gives a DTO an own property for every declared field, `undefined`
 * when the request left it out, so `{ ...row, ...dto }` or `Object.assign(row, dto)` would wipe what is stored: every update
 * path spreads or assigns `stripUndefined(dto)` instead. `null` stays: sent explicitly, it clears the field where the DTO
 * allows it.
 */
export function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
