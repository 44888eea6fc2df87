/** Shared set-up for the request and loan tests: a police case with items taken into the store through the API. */
import { TEST_PASSWORD, type TestCore } from '../support/test-core';
import type { MethodOutput } from '../../shared/api/contract';
import type { Ctx } from '../../electron/core/context';
import { toSessionUser } from '../../electron/core/auth/session.service';

export type Item = MethodOutput<'item.register'>[number];
export const PW = TEST_PASSWORD;
export const witness = (username: string) => ({ username, password: TEST_PASSWORD });

let caseSeq = 0;

export async function agencyId(t: TestCore, code: string): Promise<number> {
  const a = (await t.call('admin', 'agency.list', {})).find((x) => x.code === code);
  if (!a) throw new Error(`agency ${code} missing`);
  return a.id;
}

export async function locationId(t: TestCore, code: string): Promise<number> {
  return (await t.call('admin', 'location.list', {})).find((l) => l.code === code)!.id;
}

/** A police case with `names` registered by ga_bar (cash when the name contains 现金). */
export async function policeCase(t: TestCore, names: string[]) {
  caseSeq++;
  const c = await t.call('ga_bar', 'case.create', { caseNo: `A37160020261100${String(caseSeq).padStart(2, '0')}`, name: `测试案${caseSeq}`, cause: '盗窃' });
  const items = await t.call('ga_bar', 'item.register', {
    caseId: c.id,
    seizureDocNo: `滨公（刑）扣字〔2026〕${100 + caseSeq}号`,
    seizedAt: new Date(t.clock.now.getTime() - 3600_000).toISOString(),
    seizedBy: '李办案',
    items: names.map((name) =>
      name.includes('现金')
        ? { name, category: 'cash' as const, quantity: 1, unit: '捆', cashAmount: 10000, source: 'seized' as const }
        : { name, category: 'electronics' as const, quantity: 1, unit: '件', source: 'seized' as const, ownerName: '张三', features: `${name}特征` },
    ),
  });
  return { caseId: c.id, items };
}

/** The custodian receives the items (intake.receive) and shelves them (putaway.scan). */
export async function intoStore(t: TestCore, items: Item[], shelf = 'WH-A-Z1-S01') {
  const cash = items.some((i) => i.category === 'cash');
  await t.call('zx_bgy', 'intake.receive', {
    counterpart: { name: '李办案', idNo: '061234' },
    items: items.map((i) => ({ code: i.code })),
    ...(cash ? { witness: witness('zx_bgy2') } : {}),
  });
  for (const i of items) await t.call('zx_bgy', 'putaway.scan', { locationCode: shelf, itemCode: i.code });
}

export async function storedPoliceCase(t: TestCore, names: string[]) {
  const r = await policeCase(t, names);
  await intoStore(t, r.items);
  return r;
}

export const codes = (items: Item[]) => items.map((i) => i.code);
export const ids = (items: Item[]) => items.map((i) => i.id);

/** Runs `fn` with a core context as `username`, in its own transaction (to set up states the API cannot reach). */
export async function asUser<T>(t: TestCore, username: string, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const db = t.core.store.db;
  const u = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const user = await toSessionUser(db, u);
  return db.transaction().execute((trx) => fn({ db: trx, dialect: t.core.store.dialect, user, session: null, config: t.core.config, now: t.clock.now.toISOString() }));
}
