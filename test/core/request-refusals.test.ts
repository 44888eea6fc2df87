/** Every refused request transition: a clear Chinese error naming the item or request, and nothing written. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { agencyId, asUser, codes, ids, storedPoliceCase, witness } from './request-fixtures';
import { applyItemEvent, loadItem } from '../../electron/core/services/custody/custody';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

/** Runs a call that must fail and checks that it wrote no event and changed no request. */
async function refused(user: string, method: Parameters<TestCore['fail']>[1], input: unknown) {
  const before = await t.eventCount();
  const reqs = JSON.stringify(await t.core.store.db.selectFrom('requests').selectAll().execute());
  const links = JSON.stringify(await t.core.store.db.selectFrom('request_items').selectAll().execute());
  const err = await t.fail(user, method, input as never);
  expect(await t.eventCount()).toBe(before);
  expect(JSON.stringify(await t.core.store.db.selectFrom('requests').selectAll().execute())).toBe(reqs);
  expect(JSON.stringify(await t.core.store.db.selectFrom('request_items').selectAll().execute())).toBe(links);
  return err;
}

async function transferToJc(itemIds: number[], mode: 'paper' | 'physical' = 'paper') {
  return t.call('ga_bar', 'request.create', { kind: 'transfer', itemIds, reason: '侦查终结移送审查起诉', legalBasis: '滨公诉字〔2026〕1号', toAgencyId: await agencyId(t, '371600JC'), mode });
}

describe('request.create refusals', () => {
  it('refuses items another agency holds: unseen ones as missing, formerly held ones naming each item and its holder', async () => {
    const { items } = await storedPoliceCase(t, ['手机', '电脑']);
    // The procuratorate never held them: to it they do not exist (nothing about the holder leaks).
    const unseen = await refused('jc_bar', 'request.create', { kind: 'loan', itemIds: ids(items), reason: '鉴定', purpose: 'appraisal', dueAt: '2026-11-25T00:00:00Z' });
    expect(unseen).toMatchObject({ code: 'NOT_FOUND', message: `物品未找到或无权查看（编号 ${ids(items).join('、')}）` });
    // After a transfer the police still see them, and are told who holds each one now.
    const r = await transferToJc(ids(items));
    await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
    await t.call('jc_sp', 'request.accept', { id: r.id, accept: true });
    const err = await refused('ga_bar', 'request.create', { kind: 'loan', itemIds: ids(items), reason: '鉴定', purpose: 'appraisal', dueAt: '2026-11-25T00:00:00Z' });
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toContain(items[0]!.code);
    expect(err.message).toContain(items[1]!.code);
    expect(err.details).toHaveLength(2);
    expect(err.details![0]).toContain('保管责任单位为滨州市人民检察院');
  });

  it('refuses a second open request on the same item, naming the open request no.', async () => {
    const { items } = await storedPoliceCase(t, ['手机', '电脑']);
    const first = await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: [items[0]!.id], reason: '鉴定', purpose: 'appraisal', dueAt: '2026-11-25T00:00:00Z' });
    expect(first.requestNo).toBe('DY-2026-000001');
    const err = await refused('ga_bar', 'request.create', { kind: 'transfer', itemIds: ids(items), reason: '移送', legalBasis: 'X1', toAgencyId: await agencyId(t, '371600JC'), mode: 'paper' });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain(items[0]!.code);
    expect(err.details).toEqual([expect.stringContaining('已在未完结的申请单 DY-2026-000001 中')]);
  });

  it('the partial unique index is the backstop for one open request per item', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const r = await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: [items[0]!.id], reason: '鉴定', purpose: 'appraisal', dueAt: '2026-11-25T00:00:00Z' });
    const other = await t.core.store.db.insertInto('requests').values({
      request_no: 'X-1', kind: 'loan', status: 'pending', mode: null, case_id: null, from_agency_id: 1, to_agency_id: null, reason: null, legal_basis: null,
      due_at: null, details: '{}', created_by: 1, created_at: '', updated_at: '', decided_by: null, decided_at: null, decision_comment: null,
      executed_by: null, executed_at: null, accepted_by: null, accepted_at: null, closed_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    await expect(t.core.store.db.insertInto('request_items').values({ request_id: other.id, item_id: items[0]!.id, open: 1 }).execute()).rejects.toThrow(/UNIQUE|unique constraint/);
    expect(r.openItemIds).toEqual([items[0]!.id]);
  });

  it('refuses a loan on a destroyed item (terminal state)', async () => {
    const { items } = await storedPoliceCase(t, ['管制刀具']);
    const d = await t.call('ga_bar', 'request.create', { kind: 'disposition', itemIds: ids(items), reason: '依法销毁', legalBasis: '滨公（刑）销字〔2026〕1号', method: 'destroy' });
    await t.call('ga_sp', 'request.decide', { id: d.id, approve: true });
    await t.call('zx_bgy', 'request.execute', { id: d.id, scannedCodes: codes(items), witnesses: [witness('zx_bgy2'), witness('ga_sp')], actualDate: t.clock.now.toISOString() });
    const err = await refused('ga_bar', 'request.create', { kind: 'loan', itemIds: ids(items), reason: '鉴定', purpose: 'appraisal', dueAt: '2026-11-25T00:00:00Z' });
    expect(err.message).toContain(items[0]!.code);
    expect(err.details![0]).toContain('已销毁（终结状态）');
  });

  it('refuses a physical transfer of an item out on loan (wrong status)', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const loan = await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: ids(items), reason: '辨认', purpose: 'identification', dueAt: '2026-11-25T00:00:00Z' });
    await t.call('ga_sp', 'request.decide', { id: loan.id, approve: true });
    await t.call('zx_bgy', 'request.execute', { id: loan.id, scannedCodes: codes(items) });
    const err = await t.fail('ga_bar', 'request.create', { kind: 'disposition', itemIds: ids(items), reason: 'x', legalBasis: 'x', method: 'sell' });
    expect(err.message).toContain(items[0]!.code);
  });
});

describe('approval refusals', () => {
  it('refuses self-approval, an approver of another agency, and a custodian', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const r = await transferToJc(ids(items));
    const other = await refused('jc_sp', 'request.decide', { id: r.id, approve: true });
    expect(other.code).toBe('FORBIDDEN');
    expect(other.message).toBe(`移送申请 ${r.requestNo}只能由滨州市公安局的审批人审批`);
    // A user with both roles may create but not approve their own request: give ga_sp the case-officer role too.
    await t.core.store.db.updateTable('users').set({ roles: JSON.stringify(['case_officer', 'approver']) }).where('username', '=', 'ga_sp').execute();
    const own = await t.call('ga_sp', 'request.create', { kind: 'loan', itemIds: [], reason: 'x', purpose: 'appraisal', dueAt: '2026-11-25T00:00:00Z' }).catch((e) => e.apiError);
    expect(own.details.join()).toContain('至少选择一件物品');
    await t.call('ga_bar', 'request.cancel', { id: r.id, reason: '改由审批人提交' });
    const mine = await t.call('ga_sp', 'request.create', { kind: 'transfer', itemIds: ids(items), reason: '移送', legalBasis: 'X', toAgencyId: await agencyId(t, '371600JC'), mode: 'paper' });
    const self = await refused('ga_sp', 'request.decide', { id: mine.id, approve: true });
    expect(self.message).toBe(`不能审批本人提交的移送申请 ${mine.requestNo}`);
    expect((await refused('zx_bgy', 'request.decide', { id: mine.id, approve: true })).code).toBe('FORBIDDEN');
  });

  it('refuses a rejection without a comment and a second decision', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const r = await transferToJc(ids(items));
    expect((await refused('ga_sp', 'request.decide', { id: r.id, approve: false })).message).toContain('必须填写驳回意见');
    await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
    expect((await refused('ga_sp', 'request.decide', { id: r.id, approve: true })).message).toContain('当前为「已批准」');
  });

  it('refuses cancellation by someone else, and after execution', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const r = await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: ids(items), reason: '辨认', purpose: 'identification', dueAt: '2026-11-25T00:00:00Z' });
    expect((await refused('jc_bar', 'request.cancel', { id: r.id, reason: 'x' })).message).toBe('申请单未找到或无权查看');
    expect((await refused('zx_bgy', 'request.cancel', { id: r.id, reason: 'x' })).message).toContain('只有申请人或滨州市公安局的审批人');
    await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
    await t.call('zx_bgy', 'request.execute', { id: r.id, scannedCodes: codes(items) });
    expect((await refused('ga_bar', 'request.cancel', { id: r.id, reason: 'x' })).message).toContain('已执行或已关闭的申请不能撤销');
  });
});

describe('execution refusals', () => {
  it('lists every scan problem: missing, extra, unknown code', async () => {
    const { items } = await storedPoliceCase(t, ['手机', '电脑', '相机']);
    const { items: others } = await storedPoliceCase(t, ['手表']);
    const r = await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: [items[0]!.id, items[1]!.id], reason: '鉴定', purpose: 'appraisal', dueAt: '2026-11-25T00:00:00Z' });
    await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
    const err = await refused('zx_bgy', 'request.execute', { id: r.id, scannedCodes: [items[0]!.code, items[2]!.code, others[0]!.code, 'NO-SUCH-CODE'] });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe(`扫描核对未通过，申请单 ${r.requestNo} 未执行：漏扫 1 件、多扫 2 件、未知编码 1 个`);
    expect(err.details).toEqual([
      `漏扫：${items[1]!.code}（电脑）未扫描`,
      `多扫：${items[2]!.code}（相机）不在申请单 ${r.requestNo} 中`,
      `多扫：${others[0]!.code}（手表）不在申请单 ${r.requestNo} 中`,
      '未知编码：「NO-SUCH-CODE」不是已登记的物品',
    ]);
  });

  it('lists an item whose status no longer allows execution', async () => {
    const { items } = await storedPoliceCase(t, ['手机', '电脑']);
    const r = await t.call('ga_bar', 'request.create', { kind: 'return', itemIds: ids(items), reason: '与案件无关', legalBasis: '发还决定书1号', claimant: { name: '张三', idType: 'resident_id', idNo: '371602199001011234' } });
    await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
    // A stocktake finds one missing: it is reported lost while the request is open.
    await asUser(t, 'zx_bgy', async (ctx) => applyItemEvent(ctx, await loadItem(ctx, items[1]!.id), { type: 'LOST_REPORTED', note: '盘点未找到' }));
    const err = await refused('zx_bgy', 'request.execute', { id: r.id, scannedCodes: codes(items) });
    expect(err.message).toContain('状态不符 1 件');
    expect(err.details).toEqual([`状态不符：${items[1]!.code}（电脑）物品当前状态为「遗失」，不能「发还」`]);
  });

  it('refuses executing before approval and a paper transfer', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const r = await transferToJc(ids(items));
    expect((await refused('zx_bgy', 'request.execute', { id: r.id, scannedCodes: codes(items) })).message).toContain('无需出库扫描');
    await t.call('ga_bar', 'request.cancel', { id: r.id, reason: '改为实物移送' });
    const p = await transferToJc(ids(items), 'physical');
    expect((await refused('zx_bgy', 'request.execute', { id: p.id, scannedCodes: codes(items) })).message).toContain('只有已批准的申请才能执行');
    expect((await refused('ga_bar', 'request.execute', { id: p.id, scannedCodes: codes(items) })).code).toBe('FORBIDDEN');
  });

  describe('disposition witnesses', () => {
    async function approvedDestruction() {
      const { items } = await storedPoliceCase(t, ['管制刀具']);
      const d = await t.call('ga_bar', 'request.create', { kind: 'disposition', itemIds: ids(items), reason: '依法销毁', legalBasis: '滨公（刑）销字〔2026〕1号', method: 'destroy' });
      await t.call('ga_sp', 'request.decide', { id: d.id, approve: true });
      return { d, items, base: { id: d.id, scannedCodes: codes(items), actualDate: t.clock.now.toISOString() } };
    }

    it('refuses a witness equal to the executor', async () => {
      const { base } = await approvedDestruction();
      const err = await refused('zx_bgy', 'request.execute', { ...base, witnesses: [witness('zx_bgy'), witness('zx_bgy2')] });
      expect(err.message).toBe('见证人不能是执行人本人（王保管）');
    });

    it('refuses the same witness twice', async () => {
      const { base } = await approvedDestruction();
      const err = await refused('zx_bgy', 'request.execute', { ...base, witnesses: [witness('zx_bgy2'), witness('zx_bgy2')] });
      expect(err.message).toContain('见证人不能是同一人（zx_bgy2）');
    });

    it('refuses one witness, and named witnesses without passwords for destruction', async () => {
      const { base } = await approvedDestruction();
      expect((await refused('zx_bgy', 'request.execute', { ...base, witnesses: [witness('zx_bgy2')] })).message).toContain('销毁须有 2 名不同的见证人（现有 1 名）');
      const named = await refused('zx_bgy', 'request.execute', { ...base, witnesses: [{ name: '甲' }, { name: '乙' }] });
      expect(named.message).toContain('须由系统用户输入本人账号和密码确认');
    });

    it('refuses a witness with a wrong password, counting the failure but writing no event', async () => {
      const { base, items } = await approvedDestruction();
      const before = await t.eventCount();
      const err = await t.fail('zx_bgy', 'request.execute', { ...base, witnesses: [witness('zx_bgy2'), { username: 'ga_sp', password: 'wrong-password' }] });
      expect(err.message).toContain('第 2 位见证人「ga_sp」');
      expect(err.message).toContain('用户名或密码错误');
      expect(err.code).not.toBe('UNAUTHENTICATED');
      expect(await t.eventCount()).toBe(before);
      expect((await t.call('zx_bgy', 'item.get', { id: items[0]!.id })).status).toBe('PENDING_DISPOSITION');
      // Counted against zx_bgy trying ga_sp as a witness (throttle.ts), not against ga_sp's own logins.
      const rows = await t.core.store.db.selectFrom('login_throttle').select(['key', 'failures']).where('key', 'like', 'wit:ga_sp@%').execute();
      expect(rows.map((r) => r.failures)).toEqual([1]);
    });

    it('refuses an actual date in the future and a missing one', async () => {
      const { base } = await approvedDestruction();
      const w = [witness('zx_bgy2'), witness('ga_sp')];
      expect((await refused('zx_bgy', 'request.execute', { ...base, witnesses: w, actualDate: '2026-12-31T00:00:00Z' })).message).toBe('实际执行日期（2026-12-31）不能晚于今天（2026-11-20）');
      expect((await refused('zx_bgy', 'request.execute', { id: base.id, scannedCodes: base.scannedCodes, witnesses: w })).message).toBe('处置须填写实际执行日期');
    });
  });
});

describe('acceptance refusals', () => {
  it('refuses acceptance by the wrong agency and before scan-out of a physical transfer', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const r = await transferToJc(ids(items));
    await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
    // The court neither sent nor receives it: to the court it does not exist.
    expect(await refused('fy_sp', 'request.accept', { id: r.id, accept: true })).toMatchObject({ code: 'NOT_FOUND', message: '申请单未找到或无权查看' });
    expect((await refused('ga_sp', 'request.accept', { id: r.id, accept: true })).code).toBe('FORBIDDEN');
    expect((await refused('jc_sp', 'request.accept', { id: r.id, accept: false })).message).toContain('必须填写拒收理由');

    const { items: more } = await storedPoliceCase(t, ['电脑']);
    const p = await transferToJc(ids(more), 'physical');
    await t.call('ga_sp', 'request.decide', { id: p.id, approve: true });
    expect((await refused('jc_sp', 'request.accept', { id: p.id, accept: true })).message).toContain('尚未由保管员扫描出库');
  });
});
