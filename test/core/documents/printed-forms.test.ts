/**
 * Every printed form, issued through the API with 1, 18 and 40 items and read back with pdftotext: each item
 * code, request number and document serial is printed whole and inside its column, and the page holding the
 * signature block also holds part of the form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { makeTestCore, type TestCore } from '../../support/test-core';
import { agencyId, ids, storedPoliceCase, type Item } from '../request-fixtures';
import { bodyAboveSignatures, codeProblems, pdfPages, pdfWords, requireTools, tempDir, writePdf } from './pdf-tools';
import type { RequestDocType } from '../../../shared/domain/requests';

let t: TestCore;
let dir: string;
let items: Item[];
let caseId: number;

beforeAll(async () => {
  requireTools();
  dir = tempDir('printed-forms-');
  t = await makeTestCore();
  // The longest code the system makes: a 12-character agency code (the most agency.save allows) + year + 6 digits.
  const police = (await t.call('admin', 'agency.list', {})).find((a) => a.code === '371600')!;
  await t.call('admin', 'agency.save', { id: police.id, code: '371600123456', name: police.name, kind: police.kind, parentId: police.parentId });
  const names = Array.from({ length: 40 }, (_, i) => (i % 7 === 3 ? `现金${i + 1}` : `黑色苹果手机 iPhone 15 Pro 第${i + 1}件`));
  ({ items, caseId } = await storedPoliceCase(t, names));
  expect(items[39]!.code).toBe('371600123456-2026-000040');
}, 180_000);
afterAll(async () => {
  await t?.close();
  if (process.env.KEEP_PDFS) console.log('PDFs kept in', dir);
  else fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes the PDF and checks it; returns the number of pages. */
function check(name: string, out: { base64: string; serialNo?: string }, codes: string[], signatures = true): number {
  const file = writePdf(dir, `${name}.pdf`, out.base64);
  const words = pdfWords(file);
  expect(codeProblems(words, [...codes, ...(out.serialNo ? [out.serialNo] : [])]), name).toEqual([]);
  if (signatures) {
    const body = bodyAboveSignatures(words);
    expect(body, `${name}: no 签名确认`).not.toBeNull();
    expect(body!.length, `${name}: the signature block is alone on its page`).toBeGreaterThan(0);
  }
  return pdfPages(file);
}

const codesOf = (xs: Item[]) => xs.map((i) => i.code);

type Kind = 'loan' | 'transfer' | 'return' | 'disposition';
const DOCS: Record<Kind, RequestDocType[]> = {
  loan: ['loan_form'],
  transfer: ['handover', 'custody_confirmation'],
  return: ['return_list', 'handover'],
  disposition: ['disposition_record', 'handover'],
};

async function createRequest(kind: Kind, itemIds: number[]) {
  const common = { itemIds, reason: '测试打印' };
  switch (kind) {
    case 'loan':
      return t.call('ga_bar', 'request.create', { kind, ...common, purpose: 'appraisal', dueAt: '2026-11-25T00:00:00Z' });
    case 'transfer':
      return t.call('ga_bar', 'request.create', { kind, ...common, legalBasis: '滨公诉字〔2026〕9号', toAgencyId: await agencyId(t, '371600JC'), mode: 'physical' });
    case 'return':
      return t.call('ga_bar', 'request.create', { kind, ...common, legalBasis: '发还决定书3号', claimant: { name: '张三', idType: 'resident_id', idNo: '371602199001011234' } });
    case 'disposition':
      return t.call('ga_bar', 'request.create', { kind, ...common, legalBasis: '滨公（刑）销字〔2026〕2号', method: 'destroy' });
  }
}

describe.each([1, 18, 40])('printed forms with %i items', (n) => {
  it('入库回执', async () => {
    const some = items.slice(0, n);
    const out = await t.call('zx_bgy', 'intake.receipt', { itemIds: ids(some) });
    const pages = check(`receipt-${n}`, out, codesOf(some));
    if (n === 40) expect(pages).toBeGreaterThan(1);
  });

  for (const kind of ['loan', 'transfer', 'return', 'disposition'] as const) {
    it(`${kind}: ${DOCS[kind].join(', ')}`, async () => {
      const some = items.slice(0, n);
      const r = await createRequest(kind, ids(some));
      await t.call('ga_sp', 'request.decide', { id: r.id, approve: true, comment: '同意' });
      for (const type of DOCS[kind]) {
        const out = await t.call('ga_bar', 'request.document', { id: r.id, type });
        const pages = check(`${kind}-${type}-${n}`, out, [...codesOf(some), r.requestNo]);
        if (n === 40) expect(pages).toBeGreaterThan(1);
      }
      // Frees the items for the next request.
      await t.call('ga_bar', 'request.cancel', { id: r.id, reason: '测试完毕' });
    });
  }

  it('labels (60×40 and A4 sheets)', async () => {
    const some = items.slice(0, n);
    for (const stock of ['60x40', 'a4'] as const) {
      const out = await t.call('zx_bgy', 'label.items', { itemIds: ids(some), stock });
      check(`labels-${stock}-${n}`, out, codesOf(some), false);
    }
  });
});

describe('流转记录', () => {
  it('prints the item trail and the 40-item case trail with every code whole', async () => {
    const one = await t.call('jw_jd', 'document.itemTrail', { itemId: items[0]!.id });
    check('item-trail', one, [items[0]!.code]);
    const all = await t.call('jw_jd', 'document.caseTrail', { caseId });
    expect(check('case-trail', all, codesOf(items))).toBeGreaterThan(2);
  });
});
