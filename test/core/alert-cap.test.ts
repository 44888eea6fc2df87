/**
 * Alert counts stop at ALERT_COUNT_CAP (so the home page never reads every flagged item at 1M items); the list shows
 * the oldest ALERT_LIMIT_PER_KIND, and the dashboard says its total is a lower bound.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { ALERT_COUNT_CAP, ALERT_LIMIT_PER_KIND } from '../../shared/api/custody.contract';

const DAY = 86_400_000;
let t: TestCore;
beforeAll(async () => {
  t = await makeTestCore();
  const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026129001', name: '王某盗窃案' });
  const seizedAt = new Date(t.clock.now.getTime() - 2 * DAY).toISOString();
  // ALERT_COUNT_CAP + 1 items seized two days ago and never received: all late intakes.
  const n = ALERT_COUNT_CAP + 1;
  for (let done = 0; done < n; done += 500) {
    const items = Array.from({ length: Math.min(500, n - done) }, (_, k) => ({ name: `手机${done + k}`, category: 'general' as const, quantity: 1, unit: '部', source: 'seized' as const }));
    await t.call('ga_bar', 'item.register', { caseId: c.id, seizureDocNo: `滨公（刑）扣字〔2026〕${done}号`, seizedAt, seizedBy: '李办案', items });
  }
}, 120_000);
afterAll(() => t.close());

it('counts stop at the cap and the list at the per-kind limit', async () => {
  const r = await t.call('zx_bgy', 'alert.list', {});
  expect(r.counts.intake).toBe(ALERT_COUNT_CAP);
  expect(r.alerts.filter((a) => a.kind === 'intake')).toHaveLength(ALERT_LIMIT_PER_KIND);
});

it('the dashboard marks its open-alert total as a lower bound', async () => {
  const d = await t.call('jw_jd', 'report.dashboard', {});
  expect(d.openAlerts).toBeGreaterThanOrEqual(ALERT_COUNT_CAP);
  expect(d.openAlertsCapped).toBe(true);
});
