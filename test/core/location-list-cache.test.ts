/**
 * location.list keeps its built list (paths and subtree counts) while nothing it shows can have changed: a ledger
 * event (items move only through events), a new location (from any process) or location.save refresh it.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

type Loc = { id: number; code: string; name: string; itemCount: number };
const byCode = async (user: string, code: string) => ((await t.call(user, 'location.list', {})) as Loc[]).find((l) => l.code === code);

it('counts follow put-away, and edits and new locations show at once', async () => {
  expect((await byCode('zx_bgy', 'WH-A-Z1-S01'))!.itemCount).toBe(0);
  const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026110001', name: '张某盗窃案' });
  const [item] = (await t.call('ga_bar', 'item.register', {
    caseId: c.id, seizureDocNo: 'D-1', seizedAt: '2026-11-20T01:00:00Z', seizedBy: '李办案',
    items: [{ name: '黑色苹果手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized' }],
  })) as { id: number; code: string }[];
  await t.call('zx_bgy', 'intake.receive', { counterpart: { name: '李办案', idNo: '061234' }, items: [{ code: item!.code }] });
  await t.call('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S01', itemCode: item!.code });
  expect((await byCode('zx_bgy', 'WH-A-Z1-S01'))!.itemCount).toBe(1);
  expect((await byCode('zx_bgy', 'WH-A'))!.itemCount).toBe(1);

  // Nothing in the ledger changed: a write that bypassed it (never done by the app) is not seen; the list was kept.
  await t.core.store.db.updateTable('items').set({ status: 'RELEASED' }).where('id', '=', item!.id).execute();
  expect((await byCode('zx_bgy', 'WH-A-Z1-S01'))!.itemCount).toBe(1);
  await t.core.store.db.updateTable('items').set({ status: 'IN_STORE' }).where('id', '=', item!.id).execute();

  // An edit through location.save, with no ledger event, shows at once (to the admin and to custodians).
  const shelf = (await byCode('admin', 'WH-A-Z1-S01'))!;
  const z1 = (await byCode('admin', 'WH-A-Z1'))!;
  await t.call('admin', 'location.save', { id: shelf.id, code: shelf.code, name: '改名后的货架', kind: 'shelf', parentId: z1.id, active: true });
  expect((await byCode('zx_bgy', 'WH-A-Z1-S01'))!.name).toBe('改名后的货架');
  const added = await t.call('admin', 'location.save', { code: 'WH-A-Z1-S99', name: '新货架', kind: 'shelf', parentId: z1.id, active: true });
  expect((await byCode('zx_bgy', 'WH-A-Z1-S99'))!.id).toBe((added as Loc).id);

  // A location added by another process (here: straight into the table) also shows: the count of locations changed.
  const before = (await t.call('zx_bgy', 'location.list', {})) as Loc[];
  const z1Row = await t.core.store.db.selectFrom('locations').select(['store_id', 'path']).where('id', '=', z1.id).executeTakeFirstOrThrow();
  await t.core.store.db
    .insertInto('locations')
    .values({ code: 'WH-A-Z1-S98', name: '另一进程', kind: 'shelf', parent_id: z1.id, active: 1, created_at: '2026-11-20T02:00:00.000Z', store_id: z1Row.store_id, path: `${z1Row.path}98000/` })
    .execute();
  expect(((await t.call('zx_bgy', 'location.list', {})) as Loc[]).length).toBe(before.length + 1);
  // The district custodian still sees only their store.
  expect(await byCode('bc_bgy', 'WH-A-Z1-S01')).toBeUndefined();
});
