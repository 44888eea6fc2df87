/**
 * 导入清单 at 1366×768: a case officer imports a workbook with errors and sees every row's message, then the corrected
 * file; a custodian imports a list on behalf of the police and prints the batch's labels, which decode with zbarimg.
 */
import { test, expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, shot } from './support/helpers';
import { decodePdfBarcodes, downloadFromDialog, signIn } from './support/desk';
import { api } from './support/api';

const stamp = String(Date.now()).slice(-6);
const caseNo = `滨公刑〔2026〕I${stamp}号`;
const HEAD = ['案件编号', '物品名称', '数量', '单位', '规格型号', '特征', '持有人', '扣押时间'];

async function workbook(name: string, rows: Array<Array<string | number | null>>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('扣押清单');
  ws.addRow(['扣押决定书编号', `滨公扣决〔2026〕I${stamp}号`]);
  ws.addRow(['扣押清单编号', `滨公扣〔2026〕I${stamp}号`]);
  ws.addRow(['扣押时间', '2026-11-19 09:30']);
  ws.addRow(['扣押人', '李办案、周民警']);
  ws.addRow(['见证人', '王见证']);
  ws.addRow([]);
  ws.addRow(HEAD);
  for (const r of rows) ws.addRow(r);
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  await wb.xlsx.writeFile(path);
  return path;
}

async function openImport(page: Page) {
  await page.getByRole('menuitem', { name: '导入清单' }).click();
  await expect(page.getByText('导入扣押清单（Excel / CSV）')).toBeVisible();
}

test('办案人员导入：逐行列出错误、不写入；改正后导入；保管员代为导入并打印本批标签', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'ga_bar');
  const kase = await api(page, 'case.create', { caseNo, name: 'E2E 导入案' });

  await test.step('有错误的清单：每行的行号、字段和原因，未写入任何物品', async () => {
    const bad = await workbook('import-bad.xlsx', [
      [caseNo, '黑色苹果手机', 1, '部', 'iPhone 15', '屏幕有裂痕', '张三', null],
      [caseNo, null, 1, '个', null, '没有名称', null, null],
      [caseNo, '笔记本电脑', '三台', '台', null, null, null, null],
      ['A999999999', '电动车', 1, '辆', null, null, null, null],
      [caseNo, '黑色苹果手机', 1, '部', 'iPhone 15', '屏幕有裂痕', '张三', null],
      [caseNo, '摩托车', 1, '辆', null, null, null, '去年冬天'],
    ]);
    await openImport(page);
    await page.getByTestId('import-file').setInputFiles(bad);
    const rows = page.getByTestId('import-rows');
    await expect(page.getByTestId('import-counts')).toContainText('共 6 行');
    await expect(page.getByTestId('import-counts')).toContainText('5 行有错误');
    await expect(rows.locator('tr', { hasText: '物品名称：物品名称为空' }).first()).toContainText('9');
    await expect(rows.locator('tr', { hasText: '数量「三台」不是数字' }).first()).toContainText('10');
    await expect(rows.locator('tr', { hasText: '案件编号「A999999999」不存在或无权为其登记' }).first()).toContainText('11');
    await expect(rows.locator('tr', { hasText: '与第 8 行完全相同' }).first()).toContainText('12');
    await expect(rows.locator('tr', { hasText: '无法识别的日期「去年冬天」' }).first()).toContainText('13');
    await expect(page.getByTestId('import-blocked')).toContainText('有 5 处错误，不能导入');
    await expect(page.getByTestId('import-commit')).toHaveCount(0);
    await expect(page.getByTestId('import-mapping-summary')).toContainText('物品名称←物品名称');
    await shot(page, 'import-errors');
    const items = await api(page, 'item.list', { caseId: kase.id, limit: 10 });
    expect(items.rows).toHaveLength(0);
  });

  await test.step('改正后的清单：3 行无误，导入，摘要与账本', async () => {
    const good = await workbook('import-good.xlsx', [
      [caseNo, '黑色苹果手机', 1, '部', 'iPhone 15', '屏幕有裂痕', '张三', null],
      [caseNo, '笔记本电脑', 3, '台', null, null, null, null],
      [caseNo, '摩托车', 1, '辆', null, null, null, '2026-11-18 20:00'],
    ]);
    await page.getByTestId('import-file').setInputFiles(good);
    await expect(page.getByTestId('import-counts')).toContainText('3 行无误');
    await expect(page.locator('input[data-testid="import-doc-no"], [data-testid="import-doc-no"] input').first()).toHaveValue(`滨公扣〔2026〕I${stamp}号`);
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-summary')).toContainText('导入完成：共 3 件');
    await expect(page.getByTestId('import-summary')).toContainText('标签由保管员在入库时打印');
    await shot(page, 'import-done-officer');
    const items = (await api(page, 'item.list', { caseId: kase.id, limit: 10 })).rows;
    expect(items.map((i) => i.name).sort()).toEqual(['摩托车', '笔记本电脑', '黑色苹果手机']);
    expect(items.every((i) => i.status === 'REGISTERED' && i.seizedBy === '李办案、周民警')).toBe(true);
  });

  await test.step('保管员代公安导入另一份清单，并一次打印本批标签（zbarimg 可识读）', async () => {
    await signIn(page, 'zx_bgy');
    await openImport(page);
    const more = await workbook('import-custodian.xlsx', [
      [caseNo, '金项链', 1, '条', null, '足金', '李四', null],
      [caseNo, '银手镯', 2, '只', null, null, '李四', null],
    ]);
    await page.getByTestId('import-file').setInputFiles(more);
    await expect(page.getByTestId('import-counts')).toContainText('2 行无误');
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-summary')).toContainText('导入完成：共 2 件');
    const codes = (await page.getByTestId('import-summary').innerText()).match(/ZX-2026-\d{6}/g) ?? [];
    expect(codes.length).toBe(2);
    await page.getByTestId('import-print-labels').click();
    await shot(page, 'import-print-labels');
    const pdf = await downloadFromDialog(page, 'import-labels.pdf');
    const decoded = decodePdfBarcodes(pdf);
    const batch = (await api(page, 'item.list', { caseId: kase.id, limit: 10 })).rows.filter((i) => i.name === '金项链' || i.name === '银手镯').map((i) => i.code);
    expect(batch).toHaveLength(2);
    for (const code of batch) expect(decoded).toContain(code);
  });
});
