/**
 * The bench's store: reference data, 5,000 bins, N items with many distinct names, their ledger events.
 * Built once per (item count, events per item, schema) and cached under .bench-data/ (gitignored); each run works on a
 * fresh copy. `--events-per-item E` (e.g. 5: 1M items → 5M events) adds loans and moves (seed/demo-history.ts);
 * without it the recipe (about 2.8 events per item) and the cache file name are as before.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { DB_FILE, openApp, type OpenedApp } from '../electron/core/bootstrap';
import { hashPassword } from '../electron/core/auth/password';
import { MIGRATIONS } from '../electron/core/db/migrations';
import { seedReferenceData } from '../electron/core/seed/reference-data';
import { seedDemoItems } from '../electron/core/seed/demo-items';
import { ITEMS, type DemoItem } from '../electron/core/seed/demo-data';

export const BENCH_PASSWORD = 'Bench1234';
export const BIN_COUNT = 5000;
const CACHE = resolve('.bench-data');
/** Bump when the dataset's recipe changes. */
const RECIPE = 'v2';

const ADJECTIVES = ['黑色', '白色', '红色', '蓝色', '灰色', '金色', '银色', '绿色', '紫色', '棕色', '旧款', '新款', '二手', '全新', '破损', '改装', '进口', '国产', '大号', '小号', '带包装', '无包装', '仿冒', '定制'];

/** Many item names: every demo item with 24 qualifiers (18 → 450 distinct names), categories unchanged. */
function widenItemNames() {
  if (ITEMS.length > 100) return;
  const base: DemoItem[] = [...ITEMS];
  for (const adj of ADJECTIVES) for (const d of base) ITEMS.push({ ...d, name: d.name.startsWith(adj) ? `${d.name}（${adj}）` : `${adj}${d.name}` });
}

/** 5,000 bins spread over the demo shelves (a real store's bins). */
async function addBins(app: OpenedApp, now: string) {
  const shelves = await app.store.db.selectFrom('locations').select(['id', 'code', 'path', 'store_id']).where('kind', '=', 'shelf').execute();
  const rows = Array.from({ length: BIN_COUNT }, (_, k) => {
    const s = shelves[k % shelves.length]!;
    const no = String(Math.floor(k / shelves.length) + 1).padStart(4, '0');
    return { code: `${s.code}-B${no}`, name: `${no} 号格`, kind: 'bin', parent_id: s.id, active: 1, created_at: now, store_id: s.store_id, path: s.path };
  });
  for (let i = 0; i < rows.length; i += 500) await app.store.db.insertInto('locations').values(rows.slice(i, i + 500)).execute();
  // Each bin in its shelf's store and tree (v1 left them outside every store: no custodian saw or used them).
  await sql`UPDATE locations SET path = path || CAST(id AS TEXT) || '/' WHERE kind = 'bin'`.execute(app.store.db);
}

/** `--events-per-item E` from the command line (undefined: the default recipe). */
export function eventsPerItemArg(argv: readonly string[] = process.argv): number | undefined {
  const i = argv.indexOf('--events-per-item');
  if (i < 0) return undefined;
  const v = Number(argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--events-per-item 应为正数，实际为「${argv[i + 1] ?? ''}」`);
  return v;
}

async function build(file: string, items: number, eventsPerItem: number | undefined, log: (s: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'seized-bench-build-'));
  const app = await openApp(dir, { createAdmin: false, log: () => {} });
  try {
    const now = new Date().toISOString();
    await seedReferenceData(app.store.db, now, hashPassword(BENCH_PASSWORD));
    await addBins(app, now);
    widenItemNames();
    const t0 = Date.now();
    let last = 0;
    const r = await seedDemoItems(
      app,
      items,
      (done) => {
        if (done - last >= 100_000) log(`  已生成 ${(last = done)} 件（${((Date.now() - t0) / 1000).toFixed(0)} s）…`);
      },
      { eventsPerItem },
    );
    const s = (Date.now() - t0) / 1000;
    log(`  数据集：${r.items} 件物品，${r.events} 条流转事件（每件 ${(r.events / r.items).toFixed(2)} 条），${BIN_COUNT} 个库位格，用时 ${s.toFixed(0)} s（每 10 万件 ${((s * 100_000) / r.items).toFixed(1)} s）`);
  } finally {
    await app.store.close();
  }
  mkdirSync(CACHE, { recursive: true });
  copyFileSync(join(dir, DB_FILE), file + '.part');
  renameSync(file + '.part', file);
  rmSync(dir, { recursive: true, force: true });
}

/** A fresh copy of the cached dataset (built first if missing), opened and migrated. */
export async function openDataset(
  items: number,
  log: (s: string) => void = console.log,
  eventsPerItem?: number,
): Promise<{ app: OpenedApp; dir: string; cached: boolean }> {
  const schema = MIGRATIONS[MIGRATIONS.length - 1]![0];
  const file = join(CACHE, `items-${items}${eventsPerItem ? `-e${eventsPerItem}` : ''}-${RECIPE}-${schema}.sqlite`);
  const cached = existsSync(file);
  if (!cached) {
    log(`生成数据集（${items} 件${eventsPerItem ? `，每件约 ${eventsPerItem} 条事件` : ''}，缓存于 ${file}）…`);
    await build(file, items, eventsPerItem, log);
  }
  const dir = mkdtempSync(join(tmpdir(), 'seized-bench-'));
  copyFileSync(file, join(dir, DB_FILE));
  const app = await openApp(dir, { createAdmin: false, log: () => {} });
  return { app, dir, cached };
}
