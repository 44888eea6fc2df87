/** `npx tsx bench/scan-only.ts [items]`: only the scan burst → item page figure, on the cached dataset (build first). */
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createHttpHost } from '../electron/server/http-host';
import { BENCH_PASSWORD, openDataset } from './dataset';
import { sampleCodes } from './figures';
import { benchScanToItemPage } from './item-page';
import { pct } from './stats';
const { app } = await openDataset(Number(process.argv[2] ?? 100000));
const server = await createHttpHost(app.core, { staticDir: resolve('out/renderer'), loginLimit: { max: 1000, windowMs: 60_000 } });
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const { ms, lost } = (await benchScanToItemPage({ url, username: 'zx_bgy', password: BENCH_PASSWORD, codes: (await sampleCodes(app, 500)).slice(0, 43) }))!;
console.log(`扫码 → 物品页显示（Chromium）：p95 ${pct(ms, 95).toFixed(0)} ms，中位数 ${pct(ms, 50).toFixed(0)} ms，${ms.length} 次，${lost} 次未识别`);
server.close();
await app.store.close();
