/**
 * 处置到位率 (issue 12): a 涉黑涉恶 case goes through 侦查 → 审查起诉 → 审判 → 执行 (transfers on paper to the
 * procuratorate and the court), the court returns one of its two items; the case page shows 1/2 (counted from 执行 on),
 * the inspector sees the headline on the dashboard, the rate by case type and by case on the report page and in its PDF.
 */
import { expect, test } from '@playwright/test';
import { api, pdfText, signIn } from './support/api';
import { saveDownload, shot } from './support/helpers';

const stamp = String(Date.now()).slice(-6);
const today = new Date().toISOString().slice(0, 10);

test('a 涉黑涉恶 case at 执行 counts in 处置到位率: case page, dashboard headline, report and PDF', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'ga_bar');
  const kase = await api(page, 'case.create', { caseNo: `A371600HE${stamp}`, name: `王某等人涉黑案${stamp}`, caseType: 'organized_crime' });
  const items = await api(page, 'item.register', {
    caseId: kase.id, seizureDocNo: `滨公（刑）扣字〔2026〕H${stamp}号`, seizedAt: new Date(Date.now() - 3600_000).toISOString(), seizedBy: '李办案',
    items: [
      { name: '黑色轿车钥匙', category: 'general', quantity: 1, unit: '把', estimatedValue: 100, source: 'seized' },
      { name: '黑色手机', category: 'electronics', quantity: 1, unit: '部', estimatedValue: 5000, source: 'seized' },
    ],
  });
  await signIn(page, 'zx_bgy');
  await api(page, 'intake.receive', { counterpart: { name: '李办案', idNo: '061234' }, items: items.map((i) => ({ code: i.code })) });

  await test.step('案件页：侦查阶段，处置到位率 0/2，不计入统计', async () => {
    await signIn(page, 'ga_bar');
    await page.goto(`/#/cases/${kase.id}`);
    await expect(page.getByTestId('case-disposal-count')).toHaveText('已处置或发还 0 / 2 件');
    await expect(page.getByTestId('case-disposal-rate')).toContainText('不计入统计');
  });

  await test.step('移送审查起诉、提起公诉、交付执行（随案权属移交）', async () => {
    const ids = items.map((i) => i.id);
    const agencies = await api(page, 'agency.list', {});
    const jc = agencies.find((a) => a.code === '371600JC')!;
    const fy = agencies.find((a) => a.code === '371600FY')!;
    await api(page, 'case.changeStage', { caseId: kase.id, to: 'prosecution_review', docKind: '起诉意见书', docNo: `滨公刑诉字〔2026〕H${stamp}号`, docDate: today });
    const t1 = await api(page, 'request.create', { kind: 'transfer', mode: 'paper', itemIds: ids, reason: '随案移送', legalBasis: `滨公刑诉字〔2026〕H${stamp}号`, toAgencyId: jc.id });
    await signIn(page, 'ga_sp');
    await api(page, 'request.decide', { id: t1.id, approve: true });
    await signIn(page, 'jc_sp');
    await api(page, 'request.accept', { id: t1.id, accept: true });
    await signIn(page, 'jc_bar');
    await api(page, 'case.changeStage', { caseId: kase.id, to: 'trial', docKind: '起诉书', docNo: `滨检刑诉〔2026〕H${stamp}号`, docDate: today });
    const t2 = await api(page, 'request.create', { kind: 'transfer', mode: 'paper', itemIds: ids, reason: '随案移送', legalBasis: `滨检刑诉〔2026〕H${stamp}号`, toAgencyId: fy.id });
    await signIn(page, 'jc_sp');
    await api(page, 'request.decide', { id: t2.id, approve: true });
    await signIn(page, 'fy_sp');
    await api(page, 'request.accept', { id: t2.id, accept: true });
    await signIn(page, 'fy_bar');
    await api(page, 'case.changeStage', { caseId: kase.id, to: 'execution', docKind: '判决书', docNo: `(2026)鲁16刑初H${stamp}号`, docDate: today });
    // The court returns the car key to its owner.
    const ret = await api(page, 'request.create', {
      kind: 'return', itemIds: [items[0]!.id], reason: '与案件无关，发还', legalBasis: `(2026)鲁16刑初H${stamp}号`, claimant: { name: '王五', idType: 'resident_id', idNo: '371602199001011234' },
    });
    await signIn(page, 'fy_sp');
    await api(page, 'request.decide', { id: ret.id, approve: true });
    await signIn(page, 'zx_bgy');
    await api(page, 'request.execute', { id: ret.id, scannedCodes: [items[0]!.code] });
  });

  await test.step('案件页：执行阶段，1/2，计入统计', async () => {
    await signIn(page, 'fy_bar');
    await page.goto(`/#/cases/${kase.id}`);
    await expect(page.getByTestId('case-stage')).toHaveText('执行');
    await expect(page.getByTestId('case-disposal-count')).toHaveText('已处置或发还 1 / 2 件');
    await expect(page.getByTestId('case-disposal-rate')).toContainText('50.00%');
    await expect(page.getByTestId('case-disposal-rate')).not.toContainText('不计入统计');
    await shot(page, 'rates-01-case-page');
  });

  await test.step('监督员首页：涉黑涉恶案件财产处置到位率', async () => {
    await signIn(page, 'jw_jd');
    const d = await api(page, 'report.dashboard', {});
    expect(d.headlineRate.total).toBeGreaterThanOrEqual(2);
    const headline = page.getByTestId('dash-headline');
    await expect(headline).toContainText('涉黑涉恶案件财产处置到位率');
    await expect(headline).toContainText(`${d.headlineRate.rate!.toFixed(2)}%`);
    await page.waitForTimeout(600); // the charts' entry animation
    await shot(page, 'rates-02-dashboard');
    await headline.click();
    await expect(page).toHaveURL(/\/reports\?caseType=organized_crime/);
  });

  await test.step('统计报表：按案件类型、按案件，打印 PDF', async () => {
    await expect(page.getByTestId('report-case-type')).toContainText('涉黑涉恶案件');
    await page.getByTestId('report-run').click();
    const byType = page.getByTestId('report-rate-type');
    await expect(byType).toContainText('涉黑涉恶案件');
    await expect(page.getByTestId('report-headline')).toContainText('涉黑涉恶案件财产处置到位率');
    const row = page.locator('tr', { hasText: `A371600HE${stamp}` });
    await expect(row).toContainText('50.00%');
    await page.getByTestId('report-headline').scrollIntoViewIfNeeded();
    await shot(page, 'rates-03-report');
    await page.getByTestId('report-print').click();
    const dialog = page.getByRole('dialog');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /下\s*载/ }).click()]);
    const text = pdfText(await saveDownload(download, 'rates-report.pdf'));
    expect(text).toContain('处置到位率（按案件类型');
    expect(text).toContain('案件类型：涉黑涉恶案件');
    expect(text).toMatch(new RegExp(`A371600HE${stamp}[\\s\\S]{0,80}1/2，50\\.00%`));
  });
});
