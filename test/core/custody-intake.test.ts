import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';
import { hashOfEvents } from '../../electron/core/ledger/ledger.canonical';
import type { FormDoc } from '../../electron/core/documents/document.types';

// The real renderer runs; this only records the form it was given, to check what the receipt says.
const rendered = vi.hoisted(() => [] as FormDoc[]);
vi.mock('../../electron/core/documents/form.pdf', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../electron/core/documents/form.pdf')>();
  const renderFormPdf: typeof orig.renderFormPdf = (...args) => {
    rendered.push(args[0]);
    return orig.renderFormPdf(...args);
  };
  return { ...orig, renderFormPdf };
});

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const officer = { name: '李办案', idNo: '061234' };

/** ga_bar registers a phone, a bundle of cash and a ring in one seizure list. */
async function registerBatch() {
  const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026110001', name: '张某盗窃案', cause: '盗窃' });
  const items = await t.call('ga_bar', 'item.register', {
    caseId: c.id,
    seizureDocNo: '滨公（刑）扣字〔2026〕101号',
    seizedAt: '2026-11-20T01:00:00Z',
    seizedBy: '李办案',
    items: [
      { name: '黑色苹果手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized', sealNo: 'F-001' },
      { name: '人民币现金', category: 'cash', quantity: 1, unit: '捆', cashAmount: 12000, source: 'seized' },
      { name: '银色手表', category: 'general', quantity: 1, unit: '块', source: 'seized' },
    ],
  });
  return { c, phone: items[0]!, cash: items[1]!, watch: items[2]! };
}

async function failedAttempts(username: string) {
  // Witness failures are counted against the session's user trying that witness (throttle.ts), not the witness's logins.
  const rows = await t.core.store.db.selectFrom('login_throttle').select(['key', 'failures']).where('key', 'like', `wit:${username}@%`).execute();
  return rows.reduce((n, r) => n + r.failures, 0);
}

describe('intake at the store', () => {
  it('receives items into the store (holding agency unchanged) and refuses one with a reason', async () => {
    const { phone, watch } = await registerBatch();
    const before = await t.eventCount();
    const r = await t.call('zx_bgy', 'intake.receive', {
      counterpart: officer,
      items: [{ code: phone.code, conditionNote: '外观完好', sealNo: 'F-002' }],
    });
    expect(r.eventIds).toHaveLength(1);
    expect(r.items[0]!.status).toBe('IN_STORE');
    expect(r.items[0]!.sealNo).toBe('F-002');
    expect(r.items[0]!.holdingAgencyName).toBe('滨州市公安局');
    expect(await t.eventCount()).toBe(before + 1);
    const tl = await t.call('zx_bgy', 'item.timeline', { id: phone.id });
    expect(tl[0]).toMatchObject({ type: 'RECEIVED', conditionNote: '外观完好', counterpart: { name: '李办案', idNo: '061234' }, legalDocNo: '滨公（刑）扣字〔2026〕101号' });
    expect(tl[0]!.payload).toMatchObject({ statusFrom: 'REGISTERED', statusTo: 'IN_STORE', sealNo: 'F-002', previousSealNo: 'F-001', lateIntake: false });

    const refused = await t.call('zx_bgy', 'intake.refuse', { itemId: watch.id, reason: '包装破损，与清单不符', counterpart: officer });
    expect(refused.item.status).toBe('REGISTERED');
    const wtl = await t.call('zx_bgy', 'item.timeline', { id: watch.id });
    expect(wtl[0]).toMatchObject({ id: refused.eventId, type: 'REFUSED', note: '包装破损，与清单不符' });

    // A refused item can be brought back and received later; a received one cannot be received again.
    expect((await t.call('zx_bgy', 'intake.receive', { counterpart: officer, items: [{ itemId: watch.id }] })).items[0]!.status).toBe('IN_STORE');
    const again = await t.fail('zx_bgy', 'intake.receive', { counterpart: officer, items: [{ code: phone.code }] });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain(phone.code);
  });

  it('names an unknown code, refuses duplicates and a missing reason, and writes nothing', async () => {
    const { phone } = await registerBatch();
    const before = await t.eventCount();
    const nf = await t.fail('zx_bgy', 'intake.receive', { counterpart: officer, items: [{ code: phone.code }, { code: '371600-2026-999999' }] });
    expect(nf.code).toBe('NOT_FOUND');
    expect(nf.message).toContain('371600-2026-999999');
    const dup = await t.fail('zx_bgy', 'intake.receive', { counterpart: officer, items: [{ code: phone.code }, { itemId: phone.id }] });
    expect(dup.message).toContain('重复');
    const noRef = await t.fail('zx_bgy', 'intake.receive', { counterpart: officer, items: [{ conditionNote: 'x' }] });
    expect(noRef.code).toBe('BAD_INPUT');
    expect(noRef.details?.join()).toContain('物品编码或物品编号');
    const noReason = await t.fail('zx_bgy', 'intake.refuse', { code: phone.code, reason: '' });
    expect(noReason.code).toBe('BAD_INPUT');
    expect((await t.fail('zx_bgy', 'intake.refuse', { code: 'NOPE-1', reason: '破损' })).message).toContain('NOPE-1');
    expect(await t.eventCount()).toBe(before);
    expect((await t.call('zx_bgy', 'item.get', { id: phone.id })).status).toBe('REGISTERED');
  });

  it('needs a distinct witness with the right password for cash; a failed check writes no custody event', async () => {
    const { phone, cash } = await registerBatch();
    const input = { counterpart: officer, items: [{ code: phone.code }, { code: cash.code }] };
    const before = await t.eventCount();

    const none = await t.fail('zx_bgy', 'intake.receive', input);
    expect(none.code).toBe('BAD_INPUT');
    expect(none.message).toContain(cash.code);
    expect(none.message).not.toContain(phone.code);

    const self = await t.fail('zx_bgy', 'intake.receive', { ...input, witness: { username: 'zx_bgy', password: TEST_PASSWORD } });
    expect(self.message).toContain('本人');

    const wrong = await t.fail('zx_bgy', 'intake.receive', { ...input, witness: { username: 'zx_bgy2', password: 'wrong-password' } });
    expect(wrong.code).toBe('BAD_INPUT'); // not UNAUTHENTICATED: the custodian's own session is fine
    expect(wrong.message).toContain('见证人');
    expect(wrong.message).toContain('用户名或密码错误');
    // The failed attempt counts against the witness account (lockout), but no custody event was written.
    expect(await failedAttempts('zx_bgy2')).toBe(1);

    const admin = await t.fail('zx_bgy', 'intake.receive', { ...input, witness: { username: 'admin', password: TEST_PASSWORD } });
    expect(admin.message).toContain('管理员');

    expect(await t.eventCount()).toBe(before);
    expect((await t.call('zx_bgy', 'item.get', { id: cash.id })).status).toBe('REGISTERED');
    expect((await t.call('zx_bgy', 'item.get', { id: phone.id })).status).toBe('REGISTERED');

    const ok = await t.call('zx_bgy', 'intake.receive', { ...input, witness: { username: 'zx_bgy2', password: TEST_PASSWORD } });
    expect(ok.items.map((i) => i.status)).toEqual(['IN_STORE', 'IN_STORE']);
    expect(await t.eventCount()).toBe(before + 2);
    expect(await failedAttempts('zx_bgy2')).toBe(0);
    const tl = await t.call('zx_bgy', 'item.timeline', { id: cash.id });
    expect(tl[0]!.witnesses).toEqual([{ name: '赵保管', idNo: 'ZX1002' }]);
    expect(tl[0]!.actorName).toBe('王保管');
  });

  it('marks an intake after the 24-hour window as late in the ledger', async () => {
    const { phone } = await registerBatch();
    t.clock.advance(30 * 3600_000);
    await t.login('zx_bgy');
    await t.call('zx_bgy', 'intake.receive', { counterpart: officer, items: [{ code: phone.code }] });
    const tl = await t.call('zx_bgy', 'item.timeline', { id: phone.id });
    expect(tl[0]!.payload).toMatchObject({ lateIntake: true, hoursSinceSeizure: 31 });
    expect(tl[0]!.note).toContain('超过 24 小时');
  });

  it('refuses intake to roles without custody.handle', async () => {
    const { phone } = await registerBatch();
    const before = await t.eventCount();
    for (const user of ['ga_bar', 'ga_sp', 'jw_jd', 'admin']) {
      expect((await t.fail(user, 'intake.receive', { counterpart: officer, items: [{ code: phone.code }] })).code).toBe('FORBIDDEN');
      expect((await t.fail(user, 'intake.refuse', { code: phone.code, reason: '破损' })).code).toBe('FORBIDDEN');
    }
    expect(await t.eventCount()).toBe(before);
  });
});

describe('intake receipt (入库回执)', () => {
  it('refuses items never received or refused, naming them', async () => {
    const { phone, watch } = await registerBatch();
    await t.call('zx_bgy', 'intake.receive', { counterpart: officer, items: [{ code: phone.code }] });
    const before = await t.eventCount();
    const err = await t.fail('zx_bgy', 'intake.receipt', { itemIds: [phone.id, watch.id] });
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toContain(watch.code);
    expect(err.message).not.toContain(phone.code);
    expect((await t.fail('zx_bgy', 'intake.receipt', { itemIds: [phone.id, 99999] })).code).toBe('NOT_FOUND');
    expect(await t.eventCount()).toBe(before);
  });

  it('prints a PDF covering the latest RECEIVED/REFUSED event of each item', async () => {
    const { phone, watch } = await registerBatch();
    await t.call('zx_bgy', 'intake.refuse', { code: phone.code, reason: '封签破损', counterpart: officer });
    const rec = await t.call('zx_bgy', 'intake.receive', { counterpart: officer, items: [{ code: phone.code }] });
    const ref = await t.call('zx_bgy', 'intake.refuse', { code: watch.code, reason: '与清单不符', counterpart: officer });
    const file = await t.call('zx_bgy', 'intake.receipt', { itemIds: [phone.id, watch.id] });
    expect(file.mime).toBe('application/pdf');
    expect(file.serialNo).toMatch(/^RK-20261120-\d{4}$/);
    expect(Buffer.from(file.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const printed = await t.core.store.db.selectFrom('custody_events').selectAll().where('type', '=', 'RECEIPT_PRINTED').executeTakeFirstOrThrow();
    const payload = JSON.parse(printed.payload) as { docType: string; eventCount: number; eventsHash: string; itemCodes: string[] };
    expect(payload.docType).toBe('intake_receipt');
    expect(payload.itemCodes).toEqual([phone.code, watch.code]);
    // Covers the phone's RECEIVED (not its earlier REFUSED) and the watch's REFUSED.
    const covered = await t.core.store.db
      .selectFrom('custody_events')
      .select('hash')
      .where('id', 'in', [rec.eventIds[0]!, ref.eventId])
      .orderBy('seq')
      .execute();
    expect(payload.eventCount).toBe(2);
    expect(payload.eventsHash).toBe(hashOfEvents(covered.map((e) => e.hash)));

    const doc = rendered.at(-1)!;
    expect(doc.docType).toBe('intake_receipt');
    expect(Object.fromEntries(doc.fields)).toMatchObject({
      案件编号: 'A3716002026110001',
      案件名称: '张某盗窃案',
      移交单位: '滨州市公安局',
      移交人: '李办案（061234）',
      扣押决定书编号: '滨公（刑）扣字〔2026〕101号',
      入库时间: '2026-11-20 10:00',
    });
    expect(doc.items.map((i) => [i.code, i.sealNo, i.location, i.remark])).toEqual([
      [phone.code, 'F-001', '待上架', '合格入库'],
      [watch.code, null, '退回移交人', '拒收：与清单不符'],
    ]);
    expect(doc.signatures).toEqual([
      { role: '移交人', name: '李办案' },
      { role: '保管员', name: '王保管' },
    ]);
  });
});
