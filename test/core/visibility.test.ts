/**
 * The visibility rule (issue 8): every read method × every role × an item of the user's own agency, of another
 * agency, and of an agency that held it before. Not visible answers NOT_FOUND, as if it did not exist.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { agencyId, storedPoliceCase, type Item } from './request-fixtures';

let t: TestCore;
/** ownP: held by police all along. passed: police → procuratorate (police held it before). */
let ownP: Item;
let passed: Item;
let caseP: number;
let caseJ: number;
let transferNo: string;

beforeAll(async () => {
  t = await makeTestCore();
  const a = await storedPoliceCase(t, ['手机']);
  ownP = a.items[0]!;
  caseP = a.caseId;
  const b = await storedPoliceCase(t, ['笔记本电脑']);
  passed = b.items[0]!;
  caseJ = b.caseId;
  await t.core.store.db.updateTable('items').set({ owner_id_no: '371602199001011234' }).execute();
  const r = await t.call('ga_bar', 'request.create', { kind: 'transfer', itemIds: [passed.id], reason: '移送审查起诉', legalBasis: '滨公诉字〔2026〕1号', toAgencyId: await agencyId(t, '371600JC'), mode: 'paper' });
  await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
  await t.call('jc_sp', 'request.accept', { id: r.id, accept: true });
  transferNo = r.requestNo;
});
afterAll(() => t.close());

type Seen = 'yes' | 'no';
async function sees(user: string, method: string, input: unknown): Promise<Seen> {
  const r = await t.core.dispatch(await t.login(user), method, input);
  if (r.ok) return 'yes';
  if (r.error.code === 'NOT_FOUND') {
    expect(r.error.message).toMatch(/未找到或无权查看/);
    return 'no';
  }
  throw new Error(`${user} ${method}: ${r.error.code} ${r.error.message}`);
}

// user → [own police item, item passed on to the procuratorate]
const EXPECTED: Record<string, [Seen, Seen]> = {
  ga_bar: ['yes', 'yes'], // police: holds one, held the other
  ga_sp: ['yes', 'yes'],
  jc_bar: ['no', 'yes'], // procuratorate: holds only the passed one
  jc_sp: ['no', 'yes'],
  fy_bar: ['no', 'no'], // court: never held either
  fy_sp: ['no', 'no'],
  zx_bgy: ['yes', 'yes'], // custodian: the store's items
  bc_bgy: ['no', 'no'], // custodian of the district store: both are kept in the city centre store
  jw_jd: ['yes', 'yes'], // inspector: everything, read-only
};

describe('visibility: item reads', () => {
  for (const [user, [own, former]] of Object.entries(EXPECTED)) {
    it(`${user}: item.get, item.byCode, item.timeline, item.page, photo.list, document.itemTrail, the scan with its page`, async () => {
      for (const [item, want] of [
        [ownP, own],
        [passed, former],
      ] as const) {
        expect(await sees(user, 'item.get', { id: item.id })).toBe(want);
        expect(await sees(user, 'item.byCode', { code: item.code })).toBe(want);
        expect(await sees(user, 'item.timeline', { id: item.id })).toBe(want);
        expect(await sees(user, 'item.page', { id: item.id })).toBe(want);
        expect(await sees(user, 'photo.list', { itemId: item.id })).toBe(want);
        expect(await sees(user, 'document.itemTrail', { itemId: item.id })).toBe(want);
        const scan = await t.call(user, 'scan.resolve', { code: item.code });
        expect(scan.kind).toBe(want === 'yes' ? 'item' : 'unknown');
        const withPage = await t.call(user, 'scan.resolve', { code: item.code, withPage: true });
        expect(withPage.kind === 'item' && withPage.page?.item.id === item.id).toBe(want === 'yes');
        const listed = await t.call(user, 'item.list', { limit: 50 });
        expect(listed.rows.some((r) => r.id === item.id)).toBe(want === 'yes');
      }
    });
  }
});

describe('visibility: cases and requests', () => {
  it('cases: the host, whoever held an item of it, the store and inspectors', async () => {
    // Custodians of every store see the cases (to register on behalf of a unit); their items follow the store rule.
    const table: Record<string, [Seen, Seen]> = { ga_bar: ['yes', 'yes'], jc_bar: ['no', 'yes'], fy_bar: ['no', 'no'], zx_bgy: ['yes', 'yes'], bc_bgy: ['yes', 'yes'], jw_jd: ['yes', 'yes'] };
    for (const [user, [p, j]] of Object.entries(table)) {
      expect([await sees(user, 'case.get', { id: caseP }), await sees(user, 'case.get', { id: caseJ })], user).toEqual([p, j]);
      expect([await sees(user, 'case.detail', { caseId: caseP }), await sees(user, 'document.caseTrail', { caseId: caseJ })], user).toEqual([p, j]);
      const ids = (await t.call(user, 'case.list', { limit: 50 })).rows.map((c) => c.id);
      expect([ids.includes(caseP), ids.includes(caseJ)], user).toEqual([p === 'yes', j === 'yes']);
    }
  });

  it('requests: the sending and the receiving agency, the store and inspectors', async () => {
    const id = (await t.call('ga_bar', 'request.list', {})).rows.find((r) => r.requestNo === transferNo)!.id;
    for (const [user, want] of Object.entries({ ga_bar: 'yes', jc_sp: 'yes', fy_bar: 'no', fy_sp: 'no', zx_bgy: 'yes', bc_bgy: 'no', jw_jd: 'yes' } as const)) {
      expect(await sees(user, 'request.get', { id }), user).toBe(want);
      expect(await sees(user, 'request.document', { id }), user).toBe(want);
      const listed = (await t.call(user, 'request.list', {})).rows.some((r) => r.requestNo === transferNo);
      expect(listed, user).toBe(want === 'yes');
      expect((await t.call(user, 'scan.resolve', { code: transferNo })).kind, user).toBe(want === 'yes' ? 'request' : 'unknown');
    }
  });

  it('writes on what the user may not see answer like missing records too', async () => {
    const id = (await t.call('ga_bar', 'request.list', {})).rows.find((r) => r.requestNo === transferNo)!.id;
    expect(await t.fail('fy_sp', 'request.cancel', { id, reason: '试探' })).toMatchObject({ code: 'NOT_FOUND', message: '申请单未找到或无权查看' });
    const e = await t.fail('fy_bar', 'request.create', { kind: 'loan', itemIds: [ownP.id], reason: '试探', purpose: 'identification', dueAt: new Date(t.clock.now.getTime() + 86_400_000).toISOString() });
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toContain('物品未找到或无权查看');
    expect(e.message).not.toContain('公安');
  });

  it('inbox, alerts and export follow the same rule', async () => {
    // The procuratorate's approver has nothing of the police's in the inbox; the court's sees nothing at all.
    expect((await t.call('fy_sp', 'inbox.list', { box: 'approve', offset: 0, limit: 50 })).total).toBe(0);
    expect((await t.call('fy_sp', 'inbox.counts', {})).approve).toBe(0);
    // Alerts: a case unit sees its own items' alerts only; the admin sees no custody records.
    await t.core.store.db.updateTable('items').set({ flags: JSON.stringify(['perishable']) }).execute();
    const alertItems = async (u: string) => new Set((await t.call(u, 'alert.list', {})).alerts.map((a) => a.itemId));
    expect([...(await alertItems('ga_bar'))].sort()).toEqual([ownP.id]);
    expect([...(await alertItems('jc_bar'))]).toEqual([passed.id]);
    expect((await alertItems('fy_bar')).size).toBe(0);
    expect((await alertItems('admin')).size).toBe(0);
    expect((await alertItems('zx_bgy')).size).toBe(2);
    expect((await alertItems('bc_bgy')).size).toBe(0);
    // Export: the same rows as the list.
    const xlsxRows = async (u: string) => {
      const f = await t.call(u, 'item.export', {});
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as ArrayBuffer);
      const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
      return [ownP.code, passed.code].map((c) => text.includes(c));
    };
    expect(await xlsxRows('jc_bar')).toEqual([false, true]);
    expect(await xlsxRows('ga_bar')).toEqual([true, true]);
    expect(await xlsxRows('fy_bar')).toEqual([false, false]);
  });

  it('an unknown id answers exactly like one the user may not see', async () => {
    const unknown = await t.fail('fy_bar', 'item.get', { id: 999_999 });
    const hidden = await t.fail('fy_bar', 'item.get', { id: ownP.id });
    expect(unknown).toEqual(hidden);
  });

  it('owners’ ID numbers show in full only to the holding agency and inspectors', async () => {
    const id = async (user: string) => (await t.call(user, 'item.get', { id: ownP.id })).ownerIdNo;
    expect(await id('ga_bar')).toBe('371602199001011234');
    expect(await id('jw_jd')).toBe('371602199001011234');
    expect(await id('zx_bgy')).toBe('3716**********1234');
    // The police held the passed item before: masked now that the procuratorate holds it.
    expect((await t.call('ga_bar', 'item.get', { id: passed.id })).ownerIdNo).toBe('3716**********1234');
    expect((await t.call('jc_bar', 'item.get', { id: passed.id })).ownerIdNo).toBe('371602199001011234');
  });
});
