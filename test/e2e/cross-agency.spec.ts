/**
 * Issue 4 journey, in Chromium against the HTTP host at 1366×768, with distinct users of three agencies:
 * police register + intake → paper transfer to the procuratorate (approve, accept; items never move) →
 * physical transfer to the court (custodian scans out, one item left unscanned blocks) → court returns one item
 * and destroys another with two witnesses → 交接单 and 处置记录 PDFs checked with pdftotext → ledger.verify ok.
 * Registration and intake are setup steps done through the API (covered by the custodian-desk journey).
 */
import { test, expect, type Page } from '@playwright/test';
import { shot, saveDownload } from './support/helpers';
import { api, pdfText, scanBurst as scan, signIn as login } from './support/api';
import type { ItemDto } from '../../shared/api/item.contract';

const STAMP = Date.now().toString().slice(-6);
const CASE_NO = `滨公刑E2E${STAMP}号`;

async function openRequestByScan(page: Page, requestNo: string): Promise<void> {
  await page.goto('/#/');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await scan(page, requestNo);
  await expect(page.getByTestId('request-no')).toHaveText(requestNo);
}

async function pickOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-item-option', { hasText: label }).first().click();
}

/** Fills the new-request form (items by scanning) and submits; returns the request number. */
async function submitRequest(page: Page, kind: string, codes: string[], fill: () => Promise<void>): Promise<string> {
  await page.goto(`/#/new-request?kind=${kind}`);
  await expect(page.getByTestId('item-picker')).toBeVisible();
  await page.waitForLoadState('networkidle');
  // One scan at a time, as a person would: wait for each to land before the next.
  for (const [i, c] of codes.entries()) {
    await scan(page, c);
    await expect(page.getByTestId('picked-count')).toHaveText(`已选物品 ${i + 1} 件`);
  }
  await fill();
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByTestId('request-status')).toHaveText('待审批');
  return (await page.getByTestId('request-no').textContent())!.trim();
}

/** The approver finds the request in the inbox (badge in the menu) and approves it. */
async function approveFromInbox(page: Page, user: string, requestNo: string, shotName?: string): Promise<void> {
  await login(page, user);
  await expect(page.getByTestId('menu-badge-todo')).toBeVisible();
  await page.getByRole('menuitem', { name: /待办事项/ }).click();
  await page.getByTestId('inbox-table').getByRole('link', { name: requestNo }).click();
  await expect(page.getByTestId('request-no')).toHaveText(requestNo);
  await page.getByRole('button', { name: '批准' }).click();
  await page.getByTestId('dialog-comment').fill('同意');
  if (shotName) await shot(page, shotName);
  await page.getByTestId('dialog-ok').click();
  await expect(page.getByTestId('request-status')).toHaveText('已批准');
}

/** Scans every code on the execute panel and waits for the tick. */
async function scanAll(page: Page, codes: string[]): Promise<void> {
  for (const c of codes) {
    await scan(page, c);
    await expect(page.getByTestId(`state-${c}`)).toContainText('已扫描');
  }
}

test('cross-agency custody: 公安 → 检察院 (权属移交) → 法院 (实物移送) → 发还 + 销毁', async ({ page }) => {
  test.setTimeout(360_000); // nine sign-ins across three agencies and the centre
  let items: ItemDto[] = [];
  let extra: ItemDto;
  const codes = () => items.map((i) => i.code);

  await test.step('1. police officer registers 5 items; the custodian takes them in and shelves them (setup via API)', async () => {
    await login(page, 'ga_bar');
    const c = await api(page, 'case.create', { caseNo: CASE_NO, name: '张某某盗窃案', cause: '盗窃', officerName: '李办案' });
    const other = await api(page, 'case.create', { caseNo: `滨公刑E2E${STAMP}另号`, name: '另案', cause: '诈骗' });
    const base = { seizureDocNo: `滨公扣字〔2026〕${STAMP}号`, seizedAt: new Date().toISOString(), seizedBy: '李办案' };
    const names = ['华为手机 Mate60', '黑色笔记本电脑', '金项链一条', '山地自行车', '作案工具一套'];
    items = await api(page, 'item.register', {
      caseId: c.id,
      ...base,
      items: names.map((name) => ({ name, category: 'general' as const, quantity: 1, unit: '件', source: 'seized' as const, features: `${name}，外观完好`, flags: [] })),
    });
    extra = (await api(page, 'item.register', { caseId: other.id, ...base, items: [{ name: '银行卡', category: 'document', quantity: 1, unit: '张', source: 'seized', flags: [] }] }))[0]!;
    await login(page, 'zx_bgy');
    await api(page, 'intake.receive', { counterpart: { name: '李办案', idNo: '061234' }, items: [...items, extra!].map((i) => ({ itemId: i.id, conditionNote: '完好' })) });
    for (const code of [...codes(), extra!.code]) await api(page, 'putaway.scan', { locationCode: 'WH-A-Z1-S01', itemCode: code });
    items = await Promise.all(items.map((i) => api(page, 'item.get', { id: i.id })));
    expect(items.every((i) => i.status === 'IN_STORE' && i.locationPath)).toBe(true);
  });

  const shelf = new Map<number, number | null>();
  let paperNo = '';
  await test.step('2. paper-only transfer to the procuratorate: police approver approves, procuratorate accepts; nothing moves', async () => {
    for (const i of items) shelf.set(i.id, i.locationId);
    await login(page, 'ga_bar');
    paperNo = await submitRequest(page, 'transfer', codes(), async () => {
      await pickOption(page, 'f-to-agency', '滨州市人民检察院');
      await page.getByLabel('权属移交、实物不动').check();
      await page.getByTestId('f-legal-basis').fill(`起诉意见书 滨公诉字〔2026〕${STAMP}号`);
      await page.getByTestId('f-reason').fill('侦查终结，移送审查起诉');
      await shot(page, 'xa-01-new-paper-transfer');
    });
    expect(paperNo).toMatch(/^YS-/);

    await approveFromInbox(page, 'ga_sp', paperNo, 'xa-02-approve-dialog');

    await login(page, 'jc_sp');
    await page.goto('/#/inbox?box=accept');
    await page.getByTestId('inbox-table').getByRole('link', { name: paperNo }).click();
    await page.getByRole('button', { name: '确认接收' }).click();
    await page.getByTestId('dialog-comment').fill('材料齐全，同意接收');
    await page.getByTestId('dialog-ok').click();
    await expect(page.getByTestId('request-status')).toHaveText('已完成');
    await page.getByRole('tab', { name: /物品清单/ }).click();
    for (const i of items) await expect(page.getByTestId(`loc-${i.code}`)).toHaveText(i.locationPath!);
    await shot(page, 'xa-03-paper-accepted');
    const after = await Promise.all(items.map((i) => api(page, 'item.get', { id: i.id })));
    for (const a of after) {
      expect(a.locationId).toBe(shelf.get(a.id));
      expect(a.status).toBe('IN_STORE');
      expect(a.holdingAgencyName).toBe('滨州市人民检察院');
    }
  });

  let physicalNo = '';
  let physicalId = 0;
  await test.step('3. physical transfer to the court: the custodian scans out; one item left unscanned blocks until scanned', async () => {
    await login(page, 'jc_bar');
    physicalNo = await submitRequest(page, 'transfer', codes(), async () => {
      await pickOption(page, 'f-to-agency', '滨州市中级人民法院');
      await page.getByLabel('实物移送').check();
      await page.getByTestId('f-legal-basis').fill(`起诉书 滨检刑诉〔2026〕${STAMP}号`);
      await page.getByTestId('f-reason').fill('提起公诉，随案移送');
    });
    physicalId = Number(page.url().split('/').pop());
    await approveFromInbox(page, 'jc_sp', physicalNo);

    await login(page, 'zx_bgy');
    await openRequestByScan(page, physicalNo);
    await expect(page.getByTestId('execute-panel')).toBeVisible();
    const [first, ...rest] = codes();
    await scanAll(page, rest);
    await scan(page, extra!.code); // 多扫: not on this request
    await expect(page.getByTestId('extra-count')).toHaveText('多扫 1 件');
    await expect(page.getByTestId('scan-progress')).toHaveText('已扫 4 / 5');
    await expect(page.getByTestId('missing-count')).toHaveText('漏扫 1 件');
    await page.getByTestId('execute-submit').click();
    const err = page.getByTestId('execute-error');
    await expect(err).toContainText('扫描核对未通过');
    await expect(err).toContainText(`漏扫：${first}`);
    await expect(err).toContainText(`多扫：${extra!.code}`);
    await shot(page, 'xa-04-scan-out-blocked');
    expect((await api(page, 'request.get', { id: physicalId })).status).toBe('approved');

    await page.getByTestId('extra-list').getByRole('button', { name: '移除' }).click();
    await scanAll(page, [first!]);
    await expect(page.getByTestId('scan-progress')).toHaveText('已扫 5 / 5');
    await page.getByTestId('counterpart-name').fill('周庭长');
    await page.getByTestId('execute-submit').click();
    // Scanning out is irreversible: the confirmation names the receiving agency and the receiver first.
    await expect(page.getByTestId('confirm-fact-接收单位')).toHaveText('滨州市中级人民法院');
    await expect(page.getByTestId('confirm-fact-接收人')).toHaveText('周庭长');
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('request-status')).toHaveText('执行中');
    await shot(page, 'xa-05-scanned-out');

    await login(page, 'fy_sp');
    await page.goto(`/#/requests/${physicalId}`);
    await page.getByRole('button', { name: '确认接收' }).click();
    await page.getByTestId('dialog-ok').click();
    await expect(page.getByTestId('waiting-for')).toContainText('入库');

    await login(page, 'zx_bgy');
    await openRequestByScan(page, physicalNo);
    await expect(page.getByRole('tab', { name: '扫描入库' })).toBeVisible();
    await scanAll(page, codes());
    await page.getByTestId('execute-submit').click();
    await expect(page.getByTestId('request-status')).toHaveText('已完成');
    const back = await Promise.all(items.map((i) => api(page, 'item.get', { id: i.id })));
    for (const b of back) {
      expect(b.status).toBe('IN_STORE');
      expect(b.holdingAgencyName).toBe('滨州市中级人民法院');
    }
    await page.getByRole('link', { name: new RegExp(CASE_NO.replace(/[()]/g, '.')) }).first().click();
    await expect(page.getByTestId('case-stage')).toHaveText('审判');
    await expect(page.getByTestId('case-host')).toHaveText('滨州市中级人民法院');
    await shot(page, 'xa-06-case-page');
  });

  const [returned, destroyed] = [() => items[0]!, () => items[1]!];
  let returnNo = '';
  let destroyNo = '';
  await test.step('4. the court returns one item to its owner and destroys another with two witnesses', async () => {
    await login(page, 'fy_bar');
    returnNo = await submitRequest(page, 'return', [returned().code], async () => {
      await page.getByTestId('f-claimant-name').fill('张三');
      await page.getByTestId('f-claimant-id-no').fill('371602198001011234');
      await page.getByTestId('f-legal-basis').fill(`判决书 (2026)鲁16刑初${STAMP}号`);
      await page.getByTestId('f-reason').fill('经审理系被害人合法财产，判决发还');
    });
    destroyNo = await submitRequest(page, 'disposition', [destroyed().code], async () => {
      await page.getByLabel('销毁').check();
      await page.getByTestId('f-legal-basis').fill(`判决书 (2026)鲁16刑初${STAMP}号`);
      await page.getByTestId('f-reason').fill('作案工具，判决没收销毁');
    });
    await approveFromInbox(page, 'fy_sp', returnNo);
    await page.goto('/#/inbox');
    await page.getByTestId('inbox-table').getByRole('link', { name: destroyNo }).click();
    await page.getByRole('button', { name: '批准' }).click();
    await page.getByTestId('dialog-ok').click();
    await expect(page.getByTestId('request-status')).toHaveText('已批准');

    await login(page, 'zx_bgy');
    await openRequestByScan(page, returnNo);
    await expect(page.getByTestId('claimant')).toContainText('张三');
    await scanAll(page, [returned().code]);
    await page.getByTestId('claimant-id-check').fill('371602198001011234');
    await shot(page, 'xa-07-return-execute');
    await page.getByTestId('execute-submit').click();
    await expect(page.getByTestId('confirm-fact-领取人')).toContainText('张三');
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('request-status')).toHaveText('已完成');

    await openRequestByScan(page, destroyNo);
    await scanAll(page, [destroyed().code]);
    await page.getByTestId('w1-username').fill('zx_bgy');
    await page.getByTestId('w1-password').fill('Demo1234');
    await page.getByTestId('w2-username').fill('jw_jd');
    await page.getByTestId('w2-password').fill('Demo1234');
    await page.getByTestId('execute-submit').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('execute-error')).toContainText('见证人不能是');
    expect((await api(page, 'item.get', { id: destroyed().id })).status).toBe('PENDING_DISPOSITION'); // approved, not destroyed
    await page.getByTestId('w1-username').fill('zx_bgy2');
    await shot(page, 'xa-08-destroy-witnesses');
    await page.getByTestId('execute-submit').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('request-status')).toHaveText('已完成');
    expect((await api(page, 'item.get', { id: returned().id })).status).toBe('RETURNED');
    expect((await api(page, 'item.get', { id: destroyed().id })).status).toBe('DESTROYED');
  });

  await test.step('5. 交接单 and 处置记录 PDFs show the right items and signature blocks', async () => {
    await page.goto(`/#/requests/${physicalId}`);
    const [dl1] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /打印移送清单/ }).click()]);
    const handover = pdfText(await saveDownload(dl1, 'xa-handover.pdf'));
    expect(handover).toContain(physicalNo);
    for (const c of codes()) expect(handover).toContain(c);
    for (const s of ['移交人', '接收人', '见证人', '保管员', '滨州市人民检察院', '滨州市中级人民法院', '起诉书']) expect(handover).toContain(s);
    expect(handover).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/);

    await openRequestByScan(page, destroyNo);
    const [dl2] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '打印处置记录' }).click()]);
    const record = pdfText(await saveDownload(dl2, 'xa-disposition.pdf'));
    expect(record).toContain(destroyNo);
    expect(record).toContain(destroyed().code);
    expect(record).not.toContain(returned().code);
    for (const s of ['销毁', '见证人', '赵保管', '吴监督', '王保管', '判决书']) expect(record).toContain(s);
    await page.getByRole('tab', { name: /流转记录/ }).click();
    await shot(page, 'xa-09-disposition-done');
  });

  await test.step('the ledger verifies after the journey', async () => {
    await login(page, 'jw_jd');
    const v = await api(page, 'ledger.verify', {});
    expect(v.firstBreak).toBeNull();
    expect(v.ok).toBe(true);
  });
});
