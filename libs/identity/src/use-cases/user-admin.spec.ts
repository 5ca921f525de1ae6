import type { UserView } from '@hotline/contracts';
import { identityTestbed } from '../testing/identity-testbed';
import { officeBindingRefusal } from '../users/office-binding';
import { CreateUserUseCase } from './create-user.use-case';
import { scopeAfter, UpdateUserUseCase } from './update-user.use-case';

const OFFICE = '01a2296b-7be2-79dc-9aa5-bc11bc875cf3';
const OTHER_OFFICE = '01a2296b-7be2-79dc-9aa5-bc11bc875cf4';

describe('office binding (dispatchers belong to exactly one office)', () => {
  it.each([
    ['dispatcher', OFFICE, null],
    ['operator', null, null],
    ['dispatcher', null, /required for a dispatcher/],
    ['supervisor', OFFICE, /only for dispatchers/],
  ] as const)('%s with office %s → %s', (role, office, refusal) => {
    const r = officeBindingRefusal(role, office);
    if (refusal) expect(r?.message).toMatch(refusal);
    else expect(r).toBeNull();
  });

  it.each([
    [{ role: 'dispatcher', postOfficeId: OFFICE }, {}, { role: 'dispatcher', officeId: OFFICE, changed: false }],
    [
      { role: 'dispatcher', postOfficeId: OFFICE },
      { role: 'operator' },
      { role: 'operator', officeId: null, changed: true },
    ],
    [
      { role: 'operator', postOfficeId: null },
      { role: 'dispatcher', postOfficeId: OFFICE },
      { role: 'dispatcher', officeId: OFFICE, changed: true },
    ],
    [
      { role: 'dispatcher', postOfficeId: OFFICE },
      { postOfficeId: OTHER_OFFICE },
      { role: 'dispatcher', officeId: OTHER_OFFICE, changed: true },
    ],
    [
      { role: 'operator', postOfficeId: null },
      { fullName: 'X Y' },
      { role: 'operator', officeId: null, changed: false },
    ],
  ] as const)('scope of %j after %j is %j', (user, dto, expected) => {
    expect(scopeAfter(user, dto)).toEqual(expected);
  });
});

describe('CreateUserUseCase and UpdateUserUseCase', () => {
  function setup() {
    const bed = identityTestbed({ offices: [OFFICE, OTHER_OFFICE] });
    const uow = bed.uow.asUnitOfWork;
    return {
      ...bed,
      create: new CreateUserUseCase(bed.usersRepo, bed.factory, bed.binding, uow),
      update: new UpdateUserUseCase(bed.usersRepo, bed.binding, uow, bed.clock),
    };
  }
  const body = (over: Record<string, unknown> = {}) =>
    ({ username: 'dtv.lan', fullName: 'Nguyễn Thị Lan', password: 'Matkhau@2026', role: 'operator', ...over }) as never;

  it('creates an active account with a hashed password and a history row', async () => {
    const { create, users, uow } = setup();
    const view: UserView = await create.execute(body({ extension: '1001' }), 'admin-id');
    expect(view).toMatchObject({ username: 'dtv.lan', role: 'operator', extension: '1001', disabled: false });
    expect(users.rows.get(view.id)!.passwordHash).toBe('hashed:Matkhau@2026');
    expect(uow.history).toEqual([expect.objectContaining({ actorId: 'admin-id', action: 'created', to: 'operator' })]);
  });

  it.each([
    ['a taken username', body(), 409, /Username dtv.lan is already taken/],
    ['a taken extension', body({ username: 'other', extension: '1001' }), 409, /Extension 1001 is already used/],
    ['a dispatcher without office', body({ username: 'd1', role: 'dispatcher' }), 400, /required for a dispatcher/],
    [
      'an unknown office',
      body({ username: 'd2', role: 'dispatcher', postOfficeId: '01a2296b-0000-7000-8000-000000000000' }),
      400,
      /does not exist/,
    ],
  ])('refuses %s', async (_name, dto, status, message) => {
    const { create } = setup();
    await create.execute(body({ extension: '1001' }), null);
    await expect(create.execute(dto, null)).rejects.toMatchObject({ status, message: expect.stringMatching(message) });
  });

  it('closes the sockets of a user whose role or office changed (rooms come from them), not of a renamed one', async () => {
    const { create, update, uow } = setup();
    const d = await create.execute(body({ username: 'disp', role: 'dispatcher', postOfficeId: OFFICE }), null);
    const renamed = await update.execute(d.id, { fullName: 'Tên mới' }, 'admin-id');
    expect(renamed).toMatchObject({ fullName: 'Tên mới', postOfficeId: OFFICE });
    expect(uow.effectsOf('disconnect')).toEqual([]);
    const moved = await update.execute(d.id, { postOfficeId: OTHER_OFFICE }, 'admin-id');
    expect(moved.postOfficeId).toBe(OTHER_OFFICE);
    expect(uow.effectsOf('disconnect')).toEqual([
      expect.objectContaining({ userId: d.id, reason: expect.objectContaining({ code: 'SESSION_CHANGED' }) }),
    ]);
    expect(uow.history.at(-1)).toMatchObject({
      action: 'updated',
      from: 'dispatcher',
      to: 'dispatcher',
      data: { fields: ['postOfficeId'] },
    });
  });

  it('refuses an extension already used by someone else, and writes nothing then', async () => {
    const { create, update, users } = setup();
    await create.execute(body({ username: 'a', extension: '2001' }), null);
    const b = await create.execute(body({ username: 'b', extension: '2002' }), null);
    await expect(update.execute(b.id, { extension: '2001' }, 'admin-id')).rejects.toMatchObject({ status: 409 });
    expect(users.rows.get(b.id)!.extension).toBe('2002');
    await expect(update.execute(b.id, { extension: '2002' }, 'admin-id')).resolves.toMatchObject({ extension: '2002' });
  });
});
