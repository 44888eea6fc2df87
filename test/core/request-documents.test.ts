/** Printed documents for requests: the form data, and the issued PDF with its serial and RECEIPT_PRINTED event. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { buildRequestDoc } from '../../electron/core/services/requests/request.documents';
import { agencyId, asUser, codes, ids, storedPoliceCase, witness } from './request-fixtures';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const field = (fields: Array<[string, string]>, label: string) => fields.find(([l]) => l === label)?.[1];

describe('request documents', () => {
  it('builds the custody confirmation and the handover list with agencies, request no., items and signatures', async () => {
    const { items } = await storedPoliceCase(t, ['黑色手机', '电脑']);
    const r = await t.call('ga_bar', 'request.create', { kind: 'transfer', itemIds: ids(items), reason: '移送审查起诉', legalBasis: '滨公诉字〔2026〕9号', toAgencyId: await agencyId(t, '371600JC'), mode: 'paper' });
    await t.call('ga_sp', 'request.decide', { id: r.id, approve: true, comment: '同意' });
    await t.call('jc_sp', 'request.accept', { id: r.id, accept: true });
    const { doc, eventIds } = await asUser(t, 'jc_bar', (ctx) => buildRequestDoc(ctx, r.id));
    expect(doc.docType).toBe('custody_confirmation');
    expect(doc.title).toBe('涉案财物权属移交确认单');
    expect(doc.barcode).toBe(r.requestNo);
    expect(field(doc.fields, '移交单位')).toBe('滨州市公安局');
    expect(field(doc.fields, '接收单位')).toBe('滨州市人民检察院');
    expect(field(doc.fields, '法律依据')).toBe('滨公诉字〔2026〕9号');
    expect(doc.items.map((i) => [i.code, i.name, i.quantity, i.location])).toEqual([
      [items[0]!.code, '黑色手机', 1, '市中心库 / A 库房 / 一般物品区 / 01 号架'],
      [items[1]!.code, '电脑', 1, '市中心库 / A 库房 / 一般物品区 / 01 号架'],
    ]);
    expect(doc.items[0]!.features).toBe('黑色手机特征');
    expect(doc.signatures.map((s) => [s.role, s.name])).toEqual([
      ['移交人', '李办案'],
      ['接收人', '刘检察长'],
      ['见证人', null],
      ['保管员', null],
    ]);
    expect(eventIds).toHaveLength(6);
    const handover = await asUser(t, 'jc_bar', (ctx) => buildRequestDoc(ctx, r.id, 'handover'));
    expect(handover.doc.title).toBe('涉案财物移送清单');
    await expect(asUser(t, 'jc_bar', (ctx) => buildRequestDoc(ctx, r.id, 'disposition_record'))).rejects.toThrow('移送申请不能打印「处置记录」');
  });

  it('builds the disposition record with method, basis, executor, two witnesses and the actual date', async () => {
    const { items } = await storedPoliceCase(t, ['管制刀具']);
    const d = await t.call('ga_bar', 'request.create', { kind: 'disposition', itemIds: ids(items), reason: '依法销毁', legalBasis: '滨公（刑）销字〔2026〕2号', method: 'destroy' });
    await t.call('ga_sp', 'request.decide', { id: d.id, approve: true });
    await t.call('zx_bgy', 'request.execute', { id: d.id, scannedCodes: codes(items), witnesses: [witness('zx_bgy2'), witness('ga_sp')], actualDate: '2026-11-20T01:00:00Z' });
    const { doc } = await asUser(t, 'ga_bar', (ctx) => buildRequestDoc(ctx, d.id));
    expect(doc.title).toBe('涉案财物处置记录');
    expect(field(doc.fields, '处置方式')).toBe('销毁');
    expect(field(doc.fields, '依据文书编号')).toBe('滨公（刑）销字〔2026〕2号');
    expect(field(doc.fields, '执行人')).toBe('王保管');
    expect(field(doc.fields, '见证人（一）')).toBe('赵保管');
    expect(field(doc.fields, '见证人（二）')).toBe('张审批');
    expect(field(doc.fields, '实际执行日期')).toBe('2026-11-20');
  });

  it('builds the return list with the claimant and ID, and the loan form with the check-in record', async () => {
    const { items } = await storedPoliceCase(t, ['手机', '电脑']);
    const ret = await t.call('ga_bar', 'request.create', { kind: 'return', itemIds: [items[0]!.id], reason: '与案件无关', legalBasis: '发还决定书3号', claimant: { name: '张三', idType: 'resident_id', idNo: '371602199001011234' } });
    const rl = await asUser(t, 'ga_bar', (ctx) => buildRequestDoc(ctx, ret.id));
    expect(rl.doc.title).toBe('涉案财物发还清单');
    expect(field(rl.doc.fields, '领取人')).toBe('张三');
    expect(field(rl.doc.fields, '证件类型及号码')).toBe('居民身份证 371602199001011234');

    const loan = await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: [items[1]!.id], reason: '鉴定', purpose: 'appraisal', dueAt: '2026-11-25T00:00:00Z' });
    await t.call('ga_sp', 'request.decide', { id: loan.id, approve: true });
    await t.call('zx_bgy', 'request.execute', { id: loan.id, scannedCodes: [items[1]!.code], conditionOut: '外壳完好' });
    await t.call('zx_bgy', 'loan.checkIn', { scans: [{ code: items[1]!.code, condition: 'damaged', note: '屏幕碎裂' }] });
    const lf = await asUser(t, 'ga_bar', (ctx) => buildRequestDoc(ctx, loan.id));
    expect(lf.doc.title).toBe('涉案财物调用审批单');
    expect(field(lf.doc.fields, '借用人')).toBe('李办案（061234）');
    expect(field(lf.doc.fields, '用途')).toBe('鉴定');
    const check = lf.doc.sections!.find((s) => s.title === '归还核对')!;
    expect(check.lines[0]![0]).toBe(items[1]!.code);
    expect(check.lines[0]![1]).toContain('损坏：屏幕碎裂');
    expect(field(lf.doc.sections!.find((s) => s.title === '出库')!.lines, '出库状况')).toBe('外壳完好');
  });

  it('issues the PDF with a serial number and a RECEIPT_PRINTED event tied to the request', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const r = await t.call('ga_bar', 'request.create', { kind: 'transfer', itemIds: ids(items), reason: '移送', legalBasis: 'X9', toAgencyId: await agencyId(t, '371600JC'), mode: 'physical' });
    const before = await t.eventCount();
    const file = await t.call('ga_bar', 'request.document', { id: r.id });
    expect(Buffer.from(file.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.serialNo).toMatch(/^JJ-20261120-0001$/);
    expect(await t.eventCount()).toBe(before + 1);
    const printed = (await t.call('ga_bar', 'request.get', { id: r.id })).events.at(-1)!;
    expect(printed).toMatchObject({ type: 'RECEIPT_PRINTED', requestId: r.id });
    expect(printed.payload).toMatchObject({ docType: 'handover', eventCount: 1, itemCodes: [items[0]!.code] });
    expect((await t.fail('fy_bar', 'request.document', { id: r.id })).code).toBe('NOT_FOUND');
  });
});
