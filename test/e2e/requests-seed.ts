/** Setup for the requests-* journeys (through the API, never the steps under test): a police case with items on a shelf. */
import { type Page } from '@playwright/test';
import { api, signIn } from './support/api';
import type { ItemDto } from '../../shared/api/item.contract';

export const STAMP = Date.now().toString().slice(-6);

/** Police register `n` items in a new case; the custodian takes them in and shelves them. Signed in as zx_bgy after. */
export async function seedItems(page: Page, tag: string, n: number): Promise<ItemDto[]> {
  await signIn(page, 'ga_bar');
  const c = await api(page, 'case.create', { caseNo: `滨公刑${tag}${STAMP}号`, name: `${tag}测试案`, cause: '盗窃' });
  const items = await api(page, 'item.register', {
    caseId: c.id,
    seizureDocNo: `滨公扣字〔2026〕${tag}${STAMP}号`,
    seizedAt: new Date().toISOString(),
    seizedBy: '李办案',
    items: Array.from({ length: n }, (_, i) => ({ name: `${tag}物品${i + 1}号`, category: 'general' as const, quantity: 1, unit: '件', source: 'seized' as const, flags: [] })),
  });
  await signIn(page, 'zx_bgy');
  await api(page, 'intake.receive', { counterpart: { name: '李办案', idNo: '061234' }, items: items.map((i) => ({ itemId: i.id, conditionNote: '完好' })) });
  for (const i of items) await api(page, 'putaway.scan', { locationCode: 'WH-A-Z1-S01', itemCode: i.code });
  return items;
}

/** The id of an agency by its name (agency.list). */
export async function agencyId(page: Page, name: string): Promise<number> {
  const a = (await api(page, 'agency.list', {})).find((x) => x.name === name);
  if (!a) throw new Error(`no agency ${name}`);
  return a.id;
}

/** A paper-only transfer of `itemIds` from the police to `toName`, approved (and accepted when `accept`). Returns its number. */
export async function paperTransfer(page: Page, itemIds: number[], toName: string, accept: boolean): Promise<string> {
  await signIn(page, 'ga_bar');
  const to = await agencyId(page, toName);
  const r = await api(page, 'request.create', { kind: 'transfer', itemIds, toAgencyId: to, mode: 'paper', legalBasis: `起诉意见书 滨公诉字〔2026〕${STAMP}号`, reason: '侦查终结，移送审查起诉' });
  await signIn(page, 'ga_sp');
  await api(page, 'request.decide', { id: r.id, approve: true });
  if (accept) {
    await signIn(page, toName === '滨州市人民检察院' ? 'jc_sp' : 'fy_sp');
    await api(page, 'request.accept', { id: r.id, accept: true });
  }
  return r.requestNo;
}
