import { sql } from 'kysely';
import { openDataset } from './bench/dataset';
import { sampleCodes, signIn } from './bench/figures';
import { locationDtos } from './electron/core/services/stores/location.list';
import { itemSearchCandidates } from './electron/core/db/dialect';
const { app } = await openDataset(50000);
const c = await signIn(app, 'zx_bgy');
const code = (await sampleCodes(app, 10))[0]!;
const prefix = code.slice(0, code.length - 3);
const u = await app.store.db.selectFrom('users').select(['id', 'store_id', 'agency_id']).where('username', '=', 'zx_bgy').executeTakeFirstOrThrow();
const ctx = { db: app.store.db, dialect: 'sqlite', config: app.core.config, user: { id: u.id, roles: ['custodian'], storeId: u.store_id, agencyId: u.agency_id } } as never;
const phrase = '"' + prefix + '"';
const pairs: Record<string, [() => Promise<unknown>, () => Promise<unknown>]> = {
  'location.list 处理（改前：每次重建 / 改后：缓存命中）': [() => locationDtos(ctx, { fresh: true }), () => locationDtos(ctx)],
  [`编码前缀候选「${prefix}」（改前：trigram / 改后：编码索引范围）`]: [
    () => sql`SELECT rowid AS id FROM items_fts WHERE items_fts MATCH ${phrase} AND rowid < 2147483647 ORDER BY rowid DESC LIMIT 1001`.execute(app.store.db),
    () => itemSearchCandidates('sqlite', prefix, 2147483647, 1001)!.execute(app.store.db),
  ],
  'item.list 编码前缀（改后，经 dispatch）': [() => c('item.list', { q: prefix, limit: 50 }), () => c('item.list', { q: prefix, limit: 50 })],
};
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(2);
for (const [label, [a, b]] of Object.entries(pairs)) {
  const ta: number[] = [], tb: number[] = [];
  await a(); await b();
  for (let i = 0; i < 25; i++) {
    let s = performance.now(); await a(); ta.push(performance.now() - s);
    s = performance.now(); await b(); tb.push(performance.now() - s);
  }
  console.log(`${label}: 改前 中位数 ${med(ta)} ms；改后 中位数 ${med(tb)} ms`);
}
await app.store.close();
