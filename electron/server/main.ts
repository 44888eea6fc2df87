/** `npm run serve`: the browser mode and the multi-terminal server. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openApp, printFirstAdmin, redactUrl, resolveDataDir, resolveDatabaseUrl } from '../core/bootstrap';
import { resolveAnchorKeyFile } from '../core/ledger/anchor.key';
import { signDailyCheckpoint } from '../core/ledger/anchor.service';
import { createHttpHost, listeningHosts, LOOPBACK_HOSTS } from './http-host';
import { scheduleNightlyCheck } from '../core/jobs/nightly';
import { scheduleBackups } from '../core/services/backup/backup.schedule';
import { e2eClock } from './e2e-clock';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const host = arg('--host') ?? process.env.SEIZED_HOST ?? '127.0.0.1';
  const port = Number(arg('--port') ?? process.env.SEIZED_PORT ?? 5780);
  const dataDir = resolveDataDir(process.argv);
  const staticDir = resolve(arg('--static') ?? 'out/renderer');
  if (!existsSync(resolve(staticDir, 'index.html'))) console.warn(`[serve] 未找到已构建的界面（${staticDir}），请先运行 npm run build`);
  const databaseUrl = resolveDatabaseUrl(process.argv);
  const app = await openApp(dataDir, { databaseUrl, clock: e2eClock(), anchorKeyFile: resolveAnchorKeyFile(process.argv, dataDir) });
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  const certFile = arg('--tls-cert') ?? process.env.SEIZED_TLS_CERT;
  const keyFile = arg('--tls-key') ?? process.env.SEIZED_TLS_KEY;
  if (!!certFile !== !!keyFile) throw new Error('--tls-cert 与 --tls-key 须同时给出（PEM 格式的服务器证书和私钥）');
  const tls = certFile && keyFile ? { cert: readFileSync(certFile), key: readFileSync(keyFile) } : null;
  const extraHosts = (arg('--allowed-hosts') ?? process.env.SEIZED_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  const server = await createHttpHost(app.core, {
    staticDir,
    secureCookie: process.env.SEIZED_SECURE_COOKIE === '1',
    ...(tls ? { tls } : {}),
    log: (process.env.SEIZED_LOG_LEVEL as 'info' | undefined) ?? 'info',
    requestTimeoutMs: Number(arg('--request-timeout') ?? process.env.SEIZED_REQUEST_TIMEOUT ?? 60) * 1000,
    loginLimit: { max: Number(arg('--login-limit') ?? process.env.SEIZED_LOGIN_LIMIT ?? 10), windowMs: 60_000 },
    trustProxy: process.env.SEIZED_TRUST_PROXY === '1',
    // Loopback: answer only to loopback names (DNS rebinding). LAN: the listening addresses, plus --allowed-hosts.
    allowedHosts: loopback ? [...LOOPBACK_HOSTS, ...extraHosts] : [...listeningHosts(host), ...extraHosts],
  });
  // A full ledger check every night at 02:00 (Shanghai), as a job beside the request path; then the daily signed checkpoint.
  const nightly = scheduleNightlyCheck(app.core, { anchor: () => signDailyCheckpoint(app.core) });
  // Backups when due (settings in 备份与恢复: folder, interval, copies kept), each checked as soon as it is written.
  const backups = scheduleBackups(app.core);
  void app.core.jobs.prewarm();
  server.listen(port, host, () => {
    console.log(`涉案财物管理系统 已启动：${tls ? 'https' : 'http'}://${host}:${port}/   ${databaseUrl ? `数据库：${redactUrl(databaseUrl)}（PostgreSQL），文件目录` : '数据目录'}：${dataDir}`);
    if (!loopback && !tls) console.warn('[serve] 警告：已对局域网开放但未启用 HTTPS，密码和会话会以明文传输；请用 --tls-cert/--tls-key 启用 HTTPS（或在反向代理上启用并设置 SEIZED_SECURE_COOKIE=1）');
    printFirstAdmin(app.firstAdmin);
  });
  const stop = () => {
    nightly.stop();
    backups.stop();
    void app.core.jobs.close();
    server.close();
    void app.store.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('[serve] 启动失败：', err instanceof Error ? err.message : err);
  process.exit(1);
});
