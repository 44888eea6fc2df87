// Runs the core and service suites on PostgreSQL when TEST_DATABASE_URL is set (.ci/run starts a server and sets it).
import { spawnSync } from 'node:child_process';

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  console.log('[test:pg] 未设置 TEST_DATABASE_URL，跳过 PostgreSQL 上的服务测试（例：TEST_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/seized_test npm run test:pg）');
  process.exit(0);
}
console.log(`[test:pg] 在 PostgreSQL 上运行核心与服务测试：${url.replace(/:[^:@/]*@/, ':***@')}`);
const r = spawnSync('npx', ['vitest', 'run', 'test/core'], { stdio: 'inherit', env: { ...process.env, SEIZED_TEST_ENGINE: 'postgres' } });
process.exit(r.status ?? 1);
