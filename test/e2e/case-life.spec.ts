/**
 * The life of off-site property (issue 11, part 1): a police officer registers a frozen account and a car kept
 * elsewhere beside the case's stored phone, straight into 外部保管; the list masks the account and marks the expired
 * car term red; the account is renewed (续冻); the case goes to 检察院 on paper and the off-site items follow; the
 * procuratorate releases (解冻) the account. The ledger still verifies.
 */
import { expect, test } from '@playwright/test';
import { api, signIn } from './support/api';
import { shot } from './support/helpers';

const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

test('off-site property is registered into 外部保管, renewed and released; the case moves on documents to 结案 with its property following', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'ga_bar');
  const caseNo = `A371600LIFE${Date.now() % 100000}`;
  const kase = await api(page, 'case.create', { caseNo, name: '钱某诈骗案', cause: '诈骗' });
  const [phone] = await api(page, 'item.register', {
    caseId: kase.id, seizureDocNo: '滨公（刑）扣字〔2026〕950号', seizedAt: new Date(Date.now() - 3600_000).toISOString(), seizedBy: '李办案',
    items: [{ name: '手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized' }],
  });
  await signIn(page, 'zx_bgy');
  await api(page, 'intake.receive', { counterpart: { name: '李办案' }, items: [{ code: phone!.code }] });

  // The frozen account: six months from its start by default, so it ends within 30 days.
  await signIn(page, 'ga_bar');
  await page.goto('/#/external');
  await page.getByTestId('external-register').click();
  let dialog = page.getByRole('dialog');
  await dialog.getByTestId('case-picker').click();
  await page.keyboard.type(caseNo);
  await page.locator('.ant-select-item-option', { hasText: caseNo }).click();
  await dialog.getByTestId('ext-name').fill('钱某建设银行账户存款');
  await dialog.getByTestId('ext-institution').fill('建设银行滨城支行');
  await dialog.getByTestId('ext-account').fill('6217001234567890123');
  await dialog.getByTestId('ext-amount').fill('385000.50');
  await dialog.getByTestId('ext-doc').fill('滨公（经）冻字〔2026〕8号');
  await dialog.getByTestId('ext-notice').fill('滨公协冻〔2026〕8号');
  await dialog.getByTestId('ext-start').fill(day(-170));
  await expect(dialog.getByText(/不填则按规定期限/)).toBeVisible();
  await shot(page, 'case-life-01-register-deposit');
  await dialog.getByRole('button', { name: /登\s*记/ }).click();
  await expect(page.getByText(/已登记冻结存款/)).toBeVisible();

  // The car kept elsewhere, whose term ended yesterday.
  await page.getByTestId('external-register').click();
  dialog = page.getByRole('dialog');
  await dialog.getByTestId('case-picker').click();
  await page.keyboard.type(caseNo);
  await page.locator('.ant-select-item-option', { hasText: caseNo }).click();
  await dialog.getByText('异地保管车辆/大件物品').click();
  await dialog.getByTestId('ext-name').fill('奥迪A6轿车');
  await dialog.getByTestId('ext-institution').fill('滨城停车场（刘某）');
  await dialog.getByTestId('ext-address').fill('滨城区黄河路 8 号');
  await dialog.getByTestId('ext-value').fill('120000');
  await dialog.getByTestId('ext-doc').fill('滨公（刑）扣字〔2026〕951号');
  await dialog.getByTestId('ext-notice').fill('滨公扣〔2026〕9号');
  await dialog.getByTestId('ext-start').fill(day(-365));
  await dialog.getByTestId('ext-end').fill(day(-1));
  await dialog.getByRole('button', { name: /登\s*记/ }).click();
  await expect(page.getByText(/已登记异地保管/)).toBeVisible();

  const table = page.getByTestId('external-table');
  const depositRow = table.locator('tr', { hasText: '钱某建设银行账户存款' });
  const carRow = table.locator('tr', { hasText: '奥迪A6轿车' });
  await expect(depositRow).toContainText('6217***********0123');
  await expect(depositRow).not.toContainText('6217001234567890123');
  await expect(depositRow).toContainText('¥385,000.50');
  await expect(depositRow).toContainText(/剩 \d+ 天/);
  await expect(carRow.getByTestId('term-expired')).toContainText('已届满 1 天');
  await shot(page, 'case-life-02-list');

  const items = await api(page, 'external.list', { caseId: kase.id });
  const deposit = items.find((r) => r.kind === 'deposit')!;
  const car = items.find((r) => r.kind === 'movable')!;
  expect(deposit.status).toBe('EXTERNAL_CUSTODY');

  // Alerts: the expired car in red, the account within 30 days; no 24-hour intake clock for either.
  const alerts = await api(page, 'alert.list', {});
  expect(alerts.alerts.filter((a) => a.kind === 'external_term').map((a) => [a.itemCode, a.severity]).sort()).toEqual(
    [[car.itemCode, 'danger'], [deposit.itemCode, 'warning']].sort(),
  );
  expect(alerts.alerts.some((a) => a.kind === 'intake' && (a.itemCode === car.itemCode || a.itemCode === deposit.itemCode))).toBe(false);
  await page.goto('/#/');
  await expect(page.getByTestId('alerts-widget')).toContainText('冻结/查封期限届满');
  await shot(page, 'case-life-03-alerts');

  // 续冻: a new end date on a renewal notice.
  await page.goto('/#/external');
  await table.getByTestId(`renew-${deposit.itemCode}`).click();
  dialog = page.getByRole('dialog');
  await dialog.getByTestId('term-notice').fill('滨公续冻〔2026〕1号');
  await dialog.getByTestId('term-date').fill(day(180));
  await dialog.getByRole('button', { name: '续冻' }).click();
  await expect(page.getByText(`已续冻，期限至 ${day(180)}`)).toBeVisible();
  await expect(depositRow).toContainText(day(180));

  // The whole case goes to 检察院 on paper; the off-site items go with it and the case follows.
  const jc = (await api(page, 'agency.list', {})).find((a) => a.code === '371600JC')!;
  const r = await api(page, 'request.create', { kind: 'transfer', mode: 'paper', itemIds: [phone!.id, deposit.itemId, car.itemId], reason: '移送审查起诉', legalBasis: '滨公诉字〔2026〕30号', toAgencyId: jc.id });
  await signIn(page, 'ga_sp');
  await api(page, 'request.decide', { id: r.id, approve: true });
  await signIn(page, 'jc_sp');
  await api(page, 'request.accept', { id: r.id, accept: true });
  await signIn(page, 'jc_bar');
  expect(await api(page, 'case.get', { id: kase.id })).toMatchObject({ hostAgencyId: jc.id, stage: 'prosecution_review' });

  // 解冻 by the procuratorate.
  await page.goto('/#/external');
  await expect(depositRow).toContainText('检察院');
  await table.getByTestId(`release-${deposit.itemCode}`).click();
  dialog = page.getByRole('dialog');
  await dialog.getByTestId('term-notice').fill('滨检解冻〔2026〕2号');
  await dialog.getByTestId('term-date').fill(day(0));
  await dialog.getByRole('button', { name: '解冻' }).click();
  await expect(page.getByText('已解冻')).toBeVisible();
  await expect(depositRow).toContainText('已发还');
  await shot(page, 'case-life-04-released');
  const timeline = await api(page, 'item.timeline', { id: deposit.itemId });
  expect(timeline.map((e) => e.type)).toEqual(['EXTERNAL_RELEASED', 'CUSTODY_TRANSFER_ACCEPTED', 'CUSTODY_TRANSFER_APPROVED', 'CUSTODY_TRANSFER_REQUESTED', 'EXTERNAL_RENEWED', 'REGISTERED']);

  // The case page: 检察受案号, then 提起公诉 on the 起诉书 (a CASE_STAGE_CHANGED event).
  const changeStage = async (move: RegExp, docKind: string, docNo: string, to: string) => {
    await page.getByTestId('btn-change-stage').click();
    const d = page.getByRole('dialog');
    await d.locator('.ant-radio-label', { hasText: move }).click();
    await expect(d.getByTestId('stage-doc-kind')).toContainText(docKind);
    await d.getByTestId('stage-doc-no').fill(docNo);
    await d.getByRole('button', { name: '确认变更' }).click();
    // The previous change's toast may still show: wait for this change's own.
    await expect(page.locator('.ant-message-notice-title', { hasText: `→ ${to}` })).toBeVisible();
  };
  await page.goto(`/#/cases/${kase.id}`);
  await expect(page.getByTestId('case-stage')).toHaveText('审查起诉');
  await page.getByTestId('agency-no').fill('滨检刑受〔2026〕15号');
  await page.getByTestId('btn-agency-no').click();
  await expect(page.getByText('滨检刑受〔2026〕15号')).toBeVisible();
  await changeStage(/提起公诉/, '起诉书', '滨检刑诉〔2026〕15号', '审判');
  await expect(page.getByTestId('case-stage')).toHaveText('审判');

  // The property (the stored phone and the car kept elsewhere) goes to 法院 on paper; the court numbers the case,
  // records the judgment and closes it with the car still undisposed: the closed-case alert fires.
  const fy = (await api(page, 'agency.list', {})).find((a) => a.code === '371600FY')!;
  const r2 = await api(page, 'request.create', { kind: 'transfer', mode: 'paper', itemIds: [phone!.id, car.itemId], reason: '随案移送', legalBasis: '滨检刑诉〔2026〕15号', toAgencyId: fy.id });
  await signIn(page, 'jc_sp');
  await api(page, 'request.decide', { id: r2.id, approve: true });
  await signIn(page, 'fy_sp');
  await api(page, 'request.accept', { id: r2.id, accept: true });
  await signIn(page, 'fy_bar');
  await page.goto(`/#/cases/${kase.id}`);
  await expect(page.getByTestId('case-host')).toContainText('法院');
  await page.getByTestId('agency-no').fill('(2026)鲁16刑初12号');
  await page.getByTestId('agency-no').press('Enter');
  await expect(page.getByTestId('case-court-no')).toHaveText('(2026)鲁16刑初12号');
  expect((await api(page, 'case.list', { q: '鲁16刑初12' })).rows.map((c) => c.id)).toEqual([kase.id]);
  await changeStage(/交付执行/, '判决书', '(2026)鲁16刑初12号', '执行');
  await expect(page.getByTestId('case-stage')).toHaveText('执行');
  await changeStage(/执行完毕，结案/, '结案报告', '滨中法结〔2026〕12号', '结案');
  await expect(page.getByTestId('case-stage')).toHaveText('结案');
  await shot(page, 'case-life-05-case-closed');
  await page.getByRole('tab', { name: /流转记录/ }).click();
  await expect(page.locator('[data-event="CASE_STAGE_CHANGED"]')).toHaveCount(3);
  await shot(page, 'case-life-06-case-timeline');
  const closedAlerts = (await api(page, 'alert.list', {})).alerts.filter((a) => a.kind === 'closed_case').map((a) => a.itemCode);
  expect(closedAlerts).toContain(car.itemCode);
  expect(closedAlerts).not.toContain(deposit.itemCode);

  await signIn(page, 'jw_jd');
  expect((await api(page, 'ledger.verify', {})).ok).toBe(true);
});
