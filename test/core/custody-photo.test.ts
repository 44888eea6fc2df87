import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';

let t: TestCore;
let dir: string | null = null;
afterEach(async () => {
  await t.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

async function register(items: Array<{ name: string; category: 'electronics' | 'general' }>, seizedAt: string) {
  const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026110001', name: '张某盗窃案' });
  return t.call('ga_bar', 'item.register', {
    caseId: c.id,
    seizureDocNo: 'D-101',
    seizedAt,
    seizedBy: '李办案',
    items: items.map((i) => ({ quantity: 1, unit: '件', source: 'seized' as const, ...i })),
  });
}

describe('photos', () => {
  // A real 1×1 PNG.
  const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

  it('stores by SHA-256, lists, returns the bytes and detects a tampered file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'custody-photo-'));
    t = await makeTestCore({ dataDir: dir });
    const [phone, bike] = await register([{ name: '手机', category: 'electronics' }, { name: '自行车', category: 'general' }], '2026-11-20T01:00:00Z');
    const added = await t.call('ga_bar', 'photo.add', { itemId: phone!.id, mime: 'image/png', base64: PNG });
    expect(added.photo).toMatchObject({ itemId: phone!.id, mime: 'image/png', size: 70, createdByName: '李办案' });
    expect(added.photo.sha256).toMatch(/^[0-9a-f]{64}$/);
    const tl = await t.call('zx_bgy', 'item.timeline', { id: phone!.id });
    expect(tl[0]).toMatchObject({ id: added.eventId, type: 'PHOTOGRAPHED', payload: expect.objectContaining({ sha256: added.photo.sha256 }) });

    // The same picture for another item shares the file; for the same item it is refused.
    await t.call('zx_bgy', 'photo.add', { itemId: bike!.id, mime: 'image/png', base64: PNG });
    expect(readdirSync(join(dir, 'photos'))).toEqual([`${added.photo.sha256}.png`]);
    expect((await t.fail('zx_bgy', 'photo.add', { itemId: phone!.id, mime: 'image/png', base64: PNG })).code).toBe('CONFLICT');

    expect((await t.call('jw_jd', 'photo.list', { itemId: phone!.id })).map((p) => p.id)).toEqual([added.photo.id]);
    expect(await t.call('jw_jd', 'photo.get', { id: added.photo.id })).toEqual({ mime: 'image/png', base64: PNG });

    writeFileSync(join(dir, 'photos', `${added.photo.sha256}.png`), Buffer.from('not the original photo'));
    const tampered = await t.fail('jw_jd', 'photo.get', { id: added.photo.id });
    expect(tampered.code).toBe('CONFLICT');
    expect(tampered.message).toContain('篡改');
    expect(tampered.message).toContain(phone!.code);
  });

  it('checks the content type, the agency and the data folder, writing nothing when refused', async () => {
    dir = mkdtempSync(join(tmpdir(), 'custody-photo-'));
    t = await makeTestCore({ dataDir: dir });
    const [phone] = await register([{ name: '手机', category: 'electronics' }], '2026-11-20T01:00:00Z');
    const before = await t.eventCount();
    const wrongType = await t.fail('ga_bar', 'photo.add', { itemId: phone!.id, mime: 'image/jpeg', base64: PNG });
    expect(wrongType.message).toContain('不是 JPEG');
    expect((await t.fail('ga_bar', 'photo.add', { itemId: phone!.id, mime: 'image/png', base64: '###' })).message).toContain('base64');
    expect((await t.fail('jc_bar', 'photo.add', { itemId: phone!.id, mime: 'image/png', base64: PNG })).code).toBe('NOT_FOUND');
    expect((await t.fail('jw_jd', 'photo.add', { itemId: phone!.id, mime: 'image/png', base64: PNG })).code).toBe('FORBIDDEN');
    expect((await t.fail('ga_bar', 'photo.add', { itemId: 99999, mime: 'image/png', base64: PNG })).code).toBe('NOT_FOUND');
    expect(await t.eventCount()).toBe(before);
    expect(await t.call('ga_bar', 'photo.list', { itemId: phone!.id })).toEqual([]);
    await t.close();

    t = await makeTestCore({ dataDir: null });
    const [other] = await register([{ name: '手机', category: 'electronics' }], '2026-11-20T01:00:00Z');
    expect((await t.fail('ga_bar', 'photo.add', { itemId: other!.id, mime: 'image/png', base64: PNG })).message).toContain('未配置数据目录');
  });
});
