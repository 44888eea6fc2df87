/** Several stores in one city: custodians see and handle only their store; goods move between stores by a scanned transfer. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const officer = { name: '李办案', idNo: '061234' };

/** Three items registered by the police; the first two received and shelved in the city centre store. */
async function centreItems() {
  const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026110001', name: '张某盗窃案' });
  const items = await t.call('ga_bar', 'item.register', {
    caseId: c.id,
    seizureDocNo: 'D-101',
    seizedAt: '2026-11-20T01:00:00Z',
    seizedBy: '李办案',
    items: [
      { name: '黑色苹果手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized', sealNo: 'F-001' },
      { name: '笔记本电脑', category: 'electronics', quantity: 1, unit: '台', source: 'seized' },
      { name: '尚未入库的背包', category: 'general', quantity: 1, unit: '个', source: 'seized' },
    ],
  });
  const [phone, laptop, bag] = items as Array<{ id: number; code: string }>;
  await t.call('zx_bgy', 'intake.receive', { counterpart: officer, items: [{ code: phone!.code }, { code: laptop!.code }] });
  await t.call('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S01', itemCode: phone!.code });
  await t.call('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S01', itemCode: laptop!.code });
  return { phone: phone!, laptop: laptop!, bag: bag! };
}

const storeId = async (code: string) => (await t.call('zx_bgy', 'store.list', {})).find((s: { code: string }) => s.code === code)!.id as number;

describe('stores', () => {
  it('the demo city has the centre store and one district store; each custodian works in one', async () => {
    const stores = await t.call('zx_bgy', 'store.list', {});
    expect(stores.map((s: { name: string }) => s.name)).toEqual(['滨城分库', '市中心库']);
    expect((await t.call('zx_bgy', 'auth.me', {})).storeName).toBe('市中心库');
    expect((await t.call('bc_bgy', 'auth.me', {})).storeName).toBe('滨城分库');
  });

  it('a custodian lists only their own store’s locations, with counts over the subtree', async () => {
    await centreItems();
    const centre = await t.call('zx_bgy', 'location.list', {});
    expect(centre.map((l: { code: string }) => l.code)).not.toContain('BC-A');
    expect(centre.find((l: { code: string }) => l.code === 'WH-A')!.itemCount).toBe(2);
    expect(centre.find((l: { code: string }) => l.code === 'ST-ZX')!.itemCount).toBe(2);
    const district = await t.call('bc_bgy', 'location.list', {});
    expect(district.map((l: { code: string }) => l.code).sort()).toEqual(['BC-A', 'BC-A-Z1', 'BC-A-Z1-S01', 'ST-BC']);
    // The admin manages every store's locations.
    expect((await t.call('admin', 'location.list', {})).length).toBe(centre.length + district.length);
  });

  it('a district custodian neither sees nor handles the centre’s items, nor uses its shelves', async () => {
    const { phone, bag } = await centreItems();
    const err = await t.fail('bc_bgy', 'item.byCode', { code: phone.code });
    expect(err.message).toContain('未找到或无权查看');
    const list = await t.call('bc_bgy', 'item.list', { limit: 50 });
    expect(list.rows.map((r: { code: string }) => r.code)).toEqual([bag.code]); // only the item not yet received anywhere
    const moved = await t.fail('bc_bgy', 'putaway.scan', { locationCode: 'BC-A-Z1-S01', itemCode: phone.code });
    expect(moved.message).toContain('现由「市中心库」保管');
    const shelf = await t.fail('bc_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S02', itemCode: bag.code });
    expect(shelf.message).toContain('不是本库（滨城分库）的库位');
    // The district store takes in the bag: from then on it is theirs, and the centre no longer sees it.
    await t.call('bc_bgy', 'intake.receive', { counterpart: officer, items: [{ code: bag.code }] });
    await t.call('bc_bgy', 'putaway.scan', { locationCode: 'BC-A-Z1-S01', itemCode: bag.code });
    expect((await t.fail('zx_bgy', 'item.byCode', { code: bag.code })).message).toContain('未找到或无权查看');
    // Inspectors and the holding agency see every store's items.
    expect((await t.call('jw_jd', 'item.byCode', { code: bag.code })).locationPath).toBe('滨城分库 / 滨城 A 库房 / 一般物品区 / 01 号架');
    expect((await t.call('ga_bar', 'item.byCode', { code: phone.code })).locationPath).toContain('市中心库');
  });

  it('a transfer between stores is scanned out by one custodian and in by the other, with a printed handover', async () => {
    const { phone, laptop } = await centreItems();
    const toBc = await storeId('ST-BC');
    const before = await t.eventCount();
    const tr = await t.call('zx_bgy', 'storeTransfer.dispatch', { toStoreId: toBc, itemCodes: [phone.code, laptop.code], escort: { name: '押运员甲', idNo: 'ZX9' } });
    expect(tr).toMatchObject({ status: 'IN_TRANSIT', fromStoreName: '市中心库', toStoreName: '滨城分库', itemCount: 2, receivedCount: 0, canReceive: false });
    expect(await t.eventCount()).toBe(before + 2);
    const out = await t.call('zx_bgy', 'item.byCode', { code: phone.code });
    expect(out).toMatchObject({ status: 'TRANSFERRED_OUT', locationId: null, outWith: '调拨在途：滨城分库', holdingAgencyName: '滨州市公安局' });
    // In transit: the centre can no longer handle it, and nobody but the district store may take it in.
    expect((await t.fail('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S02', itemCode: phone.code })).message).toContain('物品当前状态为「移送出库」');
    const intakeElsewhere = await t.fail('zx_bgy', 'intake.receive', { counterpart: officer, items: [{ code: phone.code }] });
    expect(intakeElsewhere.message).toMatch(/入库|状态/);

    const incoming = await t.call('bc_bgy', 'storeTransfer.list', { direction: 'incoming', openOnly: true });
    expect(incoming.map((x: { transferNo: string }) => x.transferNo)).toEqual([tr.transferNo]);
    const wrongShelf = await t.fail('bc_bgy', 'storeTransfer.receive', { id: tr.id, locationCode: 'WH-A-Z1-S01', itemCode: phone.code });
    expect(wrongShelf.message).toContain('不是本库（滨城分库）的库位');
    const half = await t.call('bc_bgy', 'storeTransfer.receive', { id: tr.id, locationCode: 'BC-A-Z1-S01', itemCode: phone.code });
    expect(half).toMatchObject({ status: 'IN_TRANSIT', receivedCount: 1 });
    expect((await t.fail('bc_bgy', 'storeTransfer.receive', { id: tr.id, locationCode: 'BC-A-Z1-S01', itemCode: phone.code })).message).toContain('已接收入库');
    const done = await t.call('bc_bgy', 'storeTransfer.receive', { id: tr.id, locationCode: 'BC-A-Z1-S01', itemCode: laptop.code });
    expect(done).toMatchObject({ status: 'RECEIVED', receivedCount: 2, receivedByName: '钱保管' });

    const inBc = await t.call('bc_bgy', 'item.byCode', { code: phone.code });
    expect(inBc).toMatchObject({ status: 'IN_STORE', locationCode: 'BC-A-Z1-S01', outWith: null });
    // The centre still reads the history of what it once kept, but can no longer handle it.
    const history = await t.call('zx_bgy', 'item.timeline', { id: phone.id });
    expect(history.slice(0, 2).map((e: { type: string }) => e.type)).toEqual(['PHYSICAL_TRANSFER_IN', 'PHYSICAL_TRANSFER_OUT']);
    expect((await t.fail('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S02', itemCode: phone.code })).message).toContain('现由「滨城分库」保管');

    const pdf = await t.call('bc_bgy', 'storeTransfer.print', { id: tr.id });
    expect(pdf.fileName).toMatch(/^涉案财物跨库调拨交接单-KDJJ-/);
    expect((await t.call('jw_jd', 'ledger.verify', {})).ok).toBe(true);
  });

  it('refuses a transfer of items that are not in the store, not in stock, or in an open request, writing nothing', async () => {
    const { phone, laptop, bag } = await centreItems();
    const toBc = await storeId('ST-BC');
    await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: [laptop.id], reason: '鉴定', purpose: 'appraisal', dueAt: '2026-11-25T02:00:00Z', borrower: officer });
    const before = await t.eventCount();
    const err = await t.fail('zx_bgy', 'storeTransfer.dispatch', { toStoreId: toBc, itemCodes: [phone.code, laptop.code, bag.code, 'NOPE-1'] });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('有未办结的申请 DY-');
    expect(err.message).toContain('不在本库');
    expect(err.message).toContain('「NOPE-1」不是已登记的物品编码');
    expect(await t.eventCount()).toBe(before);
    expect((await t.fail('zx_bgy', 'storeTransfer.dispatch', { toStoreId: await storeId('ST-ZX'), itemCodes: [phone.code] })).message).toContain('与本库相同');
    expect((await t.fail('zx_bgy', 'storeTransfer.dispatch', { toStoreId: toBc, itemCodes: [phone.code, phone.code] })).message).toContain('重复扫描');
    // Officers take no part in moving goods between stores.
    expect((await t.fail('ga_bar', 'storeTransfer.dispatch', { toStoreId: toBc, itemCodes: [phone.code] })).code).toBe('FORBIDDEN');
  });

  it('an allocation cannot send items to another store’s location: that is a store transfer', async () => {
    const { phone } = await centreItems();
    const shelf = (await t.call('admin', 'location.list', {})).find((l: { code: string }) => l.code === 'BC-A-Z1-S01')!.id;
    const err = await t.fail('ga_bar', 'request.create', { kind: 'allocation', itemIds: [phone.id], reason: '调整存放', toLocationId: shelf });
    expect(err.details?.join('')).toContain('目标库位属于另一个保管中心/分库');
  });

  it('a custodian must be given a store, and locations nest under a store', async () => {
    const agencies = await t.call('admin', 'agency.list', {});
    const centre = agencies.find((a: { code: string }) => a.code === '371600ZX')!.id;
    const noStore = await t.fail('admin', 'user.save', { username: 'new_bgy', displayName: '新保管', agencyId: centre, roles: ['custodian'] });
    expect(noStore.message).toBe('保管员必须指定所在的保管中心或分库');
    const made = await t.call('admin', 'user.save', { username: 'new_bgy', displayName: '新保管', agencyId: centre, roles: ['custodian'], storeId: await storeId('ST-BC') });
    expect(made.user.storeName).toBe('滨城分库');
    const orphan = await t.fail('admin', 'location.save', { code: 'WH-X', name: 'X 库房', kind: 'warehouse', parentId: null });
    expect(orphan.message).toBe('库房必须放在一个保管中心/分库之下');
    const st = await t.call('admin', 'location.save', { code: 'ST-ZP', name: '邹平分库', kind: 'store', parentId: null });
    const wh = await t.call('admin', 'location.save', { code: 'ZP-A', name: '邹平 A 库房', kind: 'warehouse', parentId: st.id });
    expect(wh).toMatchObject({ storeId: st.id, path: '邹平分库 / 邹平 A 库房' });
    const moveUsed = await t.fail('admin', 'location.save', { id: (await t.call('admin', 'location.list', {})).find((l: { code: string }) => l.code === 'WH-A')!.id, code: 'WH-A', name: 'A 库房', kind: 'warehouse', parentId: st.id });
    expect(moveUsed.message).toContain('不能改变其层级或上级');
  });
});
