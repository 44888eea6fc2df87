/**
 * Permission matrix (issue 14, part 7): every contract method × every role × own agency, another agency and the
 * formerly holding agency, checked against test/core/permission-matrix.expected.json. Each cell is one call with an
 * input pointing at the same case, items and request; write calls are rolled back so every cell sees the same data.
 * A cell reads e.g. FORBIDDEN, NOT_FOUND or OK:2 (succeeded and saw two rows). Regenerate after a deliberate change
 * with UPDATE_MATRIX=1 and review the diff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { contract } from '../../shared/api/contract';
import { makeTestCore, type TestCore } from '../support/test-core';
import { dryRunCore, outcome, probeInput, type Targets } from '../support/matrix-kit';
import { agencyId, codes, ids, locationId, storedPoliceCase } from './request-fixtures';

const EXPECTED = fileURLToPath(new URL('./permission-matrix.expected.json', import.meta.url));

/**
 * Who plays each role and how their agency stands to the matrix's case: police registered it and handed it to the
 * procuratorate (own = the procuratorate, former = police, other = the court). Custodians: own = the centre store that
 * holds the items, other = the district store. Inspector and admin see across agencies.
 */
const ACTORS: Record<string, string | null> = {
  'custodian/own': 'zx_bgy',
  'custodian/other': 'bc_bgy',
  'case_officer/own': 'jc_bar',
  'case_officer/former': 'ga_bar',
  'case_officer/other': 'fy_bar',
  'approver/own': 'jc_sp',
  'approver/former': 'ga_sp',
  'approver/other': 'fy_sp',
  'inspector/all': 'jw_jd',
  'admin/all': 'admin',
  anonymous: null,
};

let t: TestCore;
let targets: Targets;

beforeAll(async () => {
  t = await makeTestCore({ dataDir: mkdtempSync(join(tmpdir(), 'seized-matrix-')) });
  const { caseId, items } = await storedPoliceCase(t, ['手机', '笔记本电脑']);
  const jc = await agencyId(t, '371600JC');
  const transfer = await t.call('ga_bar', 'request.create', { kind: 'transfer', itemIds: ids(items), reason: '移送审查起诉', legalBasis: '滨公诉字〔2026〕3号', toAgencyId: jc, mode: 'paper' });
  await t.call('ga_sp', 'request.decide', { id: transfer.id, approve: true });
  await t.call('jc_sp', 'request.accept', { id: transfer.id, accept: true });
  const loan = await t.call('jc_bar', 'request.create', { kind: 'loan', itemIds: [items[0]!.id], reason: '辨认', purpose: 'identification', dueAt: '2026-11-27T02:00:00.000Z' });
  const users = await t.call('admin', 'user.list', {});
  const shelf = await locationId(t, 'WH-A-Z1-S01');
  const byPrefix: Record<string, number> = {
    item: items[0]!.id, photo: items[0]!.id, case: caseId, request: loan.id, loan: loan.id, agency: jc, location: shelf,
    user: users.find((u) => u.username === 'jc_bar')!.id,
  };
  targets = {
    caseId, itemId: items[0]!.id, itemIds: ids(items), itemCode: items[0]!.code, code: items[0]!.code, itemCodes: codes(items),
    scannedCodes: codes(items), requestId: loan.id, toAgencyId: await agencyId(t, '371600FY'), agencyId: jc, locationId: shelf,
    locationIds: [shelf], locationCode: 'WH-A-Z1-S01',
    byMethod: (m: string) => byPrefix[m.split('.')[0]!] ?? 1,
  };
}, 120_000);
afterAll(async () => t?.close());

describe('permission matrix', () => {
  it('matches the expected table for every method, role and agency relation', { timeout: 400_000 }, async () => {
    const core = dryRunCore(t.core.store, t.core.config);
    const tokens: Record<string, string | null> = {};
    for (const [k, u] of Object.entries(ACTORS)) tokens[k] = u ? await t.login(u) : null;
    const table: Record<string, Record<string, string>> = {};
    for (const method of Object.keys(contract).sort() as (keyof typeof contract)[]) {
      const input = probeInput(method, contract[method].input as z.ZodType, targets);
      table[method] = {};
      for (const actor of Object.keys(ACTORS)) table[method][actor] = outcome(await core.dispatch(tokens[actor]!, method, input));
    }
    const cells = Object.keys(table).length * Object.keys(ACTORS).length;
    console.log(`permission matrix: ${Object.keys(table).length} methods × ${Object.keys(ACTORS).length} actors = ${cells} cells`);
    if (process.env.UPDATE_MATRIX || !existsSync(EXPECTED)) writeFileSync(EXPECTED, `${JSON.stringify(table, null, 1)}\n`);
    const expected = JSON.parse(readFileSync(EXPECTED, 'utf8')) as typeof table;
    const changed: string[] = [];
    for (const m of new Set([...Object.keys(expected), ...Object.keys(table)]))
      for (const a of Object.keys(ACTORS)) if (expected[m]?.[a] !== table[m]?.[a]) changed.push(`${m} ${a}: expected ${expected[m]?.[a]}, got ${table[m]?.[a]}`);
    expect(changed).toEqual([]);
    // The ledger is as it was: every write in the matrix was rolled back.
    expect((await t.call('jw_jd', 'ledger.verify', {})).ok).toBe(true);
  });
});
