/** Shared set-up for the request and loan tests: a police case with items taken into the store through the API. */
import { TEST_PASSWORD, type TestCore } from '../support/test-core';
import type { MethodOutput } from '../../shared/api/contract';
import type { ItemFlag } from '../../shared/domain/enums';
import type { Ctx } from '../../electron/core/context';
import { toSessionUser } from '../../electron/core/auth/session.service';
import { localDay } from '../../electron/core/services/custody/custody.lookup';

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
export async function policeCase(t: TestCore, names: string[], flags: ItemFlag[] = []) {
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
        : { name, category: 'electronics' as const, quantity: 1, unit: '件', source: 'seized' as const, ownerName: '张三', features: `${name}特征`, flags },
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

export async function storedPoliceCase(t: TestCore, names: string[], flags: ItemFlag[] = []) {
  const r = await policeCase(t, names, flags);
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

/** Takes a case to 执行 on a judgment (起诉意见书 → 起诉书 → 判决书), as its host agency's officer; returns the judgment no. */
export async function judgeCase(t: TestCore, caseId: number, user = 'ga_bar', judgmentNo = '（2026）鲁16刑初12号'): Promise<string> {
  const docDate = localDay(t.clock.now.toISOString());
  await t.call(user, 'case.changeStage', { caseId, to: 'prosecution_review', docKind: '起诉意见书', docNo: '滨公诉字〔2026〕12号', docDate });
  await t.call(user, 'case.changeStage', { caseId, to: 'trial', docKind: '起诉书', docNo: '滨检诉〔2026〕12号', docDate });
  await t.call(user, 'case.changeStage', { caseId, to: 'execution', docKind: '判决书', docNo: judgmentNo, docDate });
  return judgmentNo;
}
