import type { INestApplicationContext } from '@nestjs/common';
import type Redis from 'ioredis';
import { createConnection, type Connection } from 'mysql2/promise';
import type { LegEvent, ServerToClientEvents } from '@hotline/contracts';
import { REDIS } from '@hotline/core';
import {
  ADMIN_PASSWORD,
  DEMO_PASSWORD,
  type TestApi,
  type TestSocket,
  connectSocket,
  login,
  startApi,
  startWorker,
  unique,
} from '../helpers/test-app';

/** Open every day, all day: routing in these tests must not depend on the hour the suite runs. */
export const ALWAYS_OPEN = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '23:59']]]),
);

export interface TestOffice {
  id: string;
  code: string;
  dispatcher: { id: string; username: string; token: string };
  socket: TestSocket;
}

export interface DispatchWorld {
  api: TestApi;
  worker: INestApplicationContext;
  db: Connection;
  redis: Redis;
  admin: string;
  operator: { id: string; token: string; socket: TestSocket };
  supervisor: { token: string; socket: TestSocket };
  commune: string;
  /** The address point; office i sits i × ~220 m north of it, so A is nearest, then B, then C. */
  point: { lat: number; lng: number };
  offices: TestOffice[];
  sockets: TestSocket[];
  close(): Promise<void>;
}

/**
 * A controlled corner of the demo province: the demo offices serving one commune are switched off for the suite and three
 * always-open test offices (each with its own dispatcher and socket) serve it instead. Everything is restored in close().
 */
export async function dispatchWorld(options: {
  communeIndex: number;
  offices?: number;
  env?: Record<string, string>;
}): Promise<DispatchWorld> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(options.env ?? {})) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  const restoreEnv = () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  const api = await startApi();
  let worker: INestApplicationContext | null = null;
  try {
    worker = await startWorker(api.config);
    return await build(api, worker, options, restoreEnv);
  } catch (err) {
    await worker?.close();
    await api.close();
    restoreEnv();
    throw err;
  }
}

async function build(
  api: TestApi,
  firstWorker: INestApplicationContext,
  options: { communeIndex: number; offices?: number },
  restoreEnv: () => void,
): Promise<DispatchWorld> {
  let worker = firstWorker;
  const db = await createConnection({
    host: api.config.db.host,
    port: api.config.db.port,
    user: api.config.db.username,
    password: api.config.db.password,
    database: api.config.db.database,
  });
  const redis = api.app.get<Redis>(REDIS);
  const sockets: TestSocket[] = [];
  const admin = (await login(api, 'admin', ADMIN_PASSWORD)).accessToken;
  const units = (await api.http.get('/api/geo/units').set('authorization', `Bearer ${admin}`)).body.items as Array<{
    code: string;
    lat: number;
    lng: number;
    remoteArea: boolean;
  }>;
  const unit = units[options.communeIndex];
  const commune = unit.code;
  const point = { lat: Number(unit.lat) + 0.03, lng: Number(unit.lng) + 0.03 };

  const [demo] = (await db.query(
    'SELECT o.id FROM post_offices o JOIN post_office_service_areas sa ON sa.post_office_id = o.id WHERE sa.commune_code = ? AND o.active = 1',
    [commune],
  )) as unknown as [Array<{ id: string }>];
  const disabled = demo.map((d) => d.id);
  if (disabled.length)
    await db.query(
      `UPDATE post_offices SET active = 0, updated_at = NOW(3) WHERE id IN (${disabled.map(() => '?').join(',')})`,
      disabled,
    );

  const offices: TestOffice[] = [];
  for (let i = 0; i < (options.offices ?? 3); i++) {
    const code = unique(`T${i}`).toUpperCase();
    const office = await api.http
      .post('/api/post-offices')
      .set('authorization', `Bearer ${admin}`)
      .send({
        code,
        name: `Test office ${i}`,
        address: 'test',
        communeCode: commune,
        lat: point.lat + 0.002 * i,
        lng: point.lng,
        openingHours: ALWAYS_OPEN,
        dailyCapacity: 100,
        serviceArea: [commune],
      });
    if (office.status !== 201) throw new Error(`office: ${office.status} ${JSON.stringify(office.body)}`);
    const username = unique(`disp.${i}.`);
    const user = await api.http
      .post('/api/users')
      .set('authorization', `Bearer ${admin}`)
      .send({
        username,
        fullName: `Dispatcher ${i}`,
        password: DEMO_PASSWORD,
        role: 'dispatcher',
        postOfficeId: office.body.id,
      });
    if (user.status !== 201) throw new Error(`user: ${user.status} ${JSON.stringify(user.body)}`);
    const token = (await login(api, username)).accessToken;
    const { socket } = await connectSocket(api, token);
    sockets.push(socket);
    offices.push({ id: office.body.id, code, dispatcher: { id: user.body.id, username, token }, socket });
  }
  const op = await login(api, 'operator1');
  const opSocket = (await connectSocket(api, op.accessToken)).socket;
  const sup = await login(api, 'supervisor1');
  const supSocket = (await connectSocket(api, sup.accessToken)).socket;
  sockets.push(opSocket, supSocket);
  const operatorId = (await api.http.get('/api/auth/me').set('authorization', `Bearer ${op.accessToken}`)).body
    .id as string;

  const world: DispatchWorld = {
    api,
    get worker() {
      return worker;
    },
    set worker(w) {
      worker = w;
    },
    db,
    redis,
    admin,
    operator: { id: operatorId, token: op.accessToken, socket: opSocket },
    supervisor: { token: sup.accessToken, socket: supSocket },
    commune,
    point,
    offices,
    sockets,
    async close() {
      for (const s of sockets) s.close();
      await db.query(
        `UPDATE post_offices SET active = 0, updated_at = NOW(3) WHERE id IN (${offices.map(() => '?').join(',')})`,
        offices.map((o) => o.id),
      );
      if (disabled.length)
        await db.query(
          `UPDATE post_offices SET active = 1, updated_at = NOW(3) WHERE id IN (${disabled.map(() => '?').join(',')})`,
          disabled,
        );
      await db.end();
      await worker.close();
      await api.close();
      restoreEnv();
    },
  };
  return world;
}

/** The next event of that name matching the predicate (other legs' events are skipped); fails after `ms`. */
export function waitFor<
  E extends 'dispatch:leg-assigned' | 'dispatch:leg-updated' | 'dispatch:escalated' | 'dispatch:leg-overdue',
>(socket: TestSocket, event: E, match: (p: LegEvent) => boolean, ms = 10_000): Promise<LegEvent> {
  return new Promise((resolve, reject) => {
    const handler = ((p: LegEvent) => {
      if (!match(p)) return;
      clearTimeout(timer);
      socket.off(event, handler as never);
      resolve(p);
    }) as ServerToClientEvents[E];
    const timer = setTimeout(() => {
      socket.off(event, handler as never);
      reject(new Error(`no matching ${event} within ${ms} ms`));
    }, ms);
    socket.on(event, handler as never);
  });
}

export function requestBody(world: DispatchWorld, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    option: 'send_dossier',
    dossierCode: unique('HS-'),
    procedureName: 'Đăng ký thế chấp quyền sử dụng đất',
    field: 'Đất đai',
    agency: 'Văn phòng đăng ký đất đai',
    serviceLevel: '3',
    phone: `0912${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
    contactName: 'Nguyễn Văn A',
    pickupAddress: { detail: '12 Trần Phú', communeCode: world.commune, lat: world.point.lat, lng: world.point.lng },
    feeOnBehalf: 50000,
    ...extra,
  };
}

export async function countRows(world: DispatchWorld): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const tables: Record<string, string> = {
    bcci_requests: 'bcci_requests',
    bcci_legs: 'bcci_legs',
    bcci_assignments: 'bcci_assignments',
    leg_history: "audit_log WHERE entity_type = 'bcci_leg'",
  };
  for (const [name, from] of Object.entries(tables)) {
    const [rows] = (await world.db.query(`SELECT COUNT(*) AS n FROM ${from}`)) as unknown as [Array<{ n: number }>];
    out[name] = Number(rows[0].n);
  }
  return out;
}

export { startWorker };
