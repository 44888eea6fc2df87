/** Admin CLI: `npm run cli -- <command> [--data DIR]`. */
import { openApp, printFirstAdmin, redactUrl, resolveDataDir, resolveDatabaseUrl } from '../core/bootstrap';
import { resolveAnchorKeyFile } from '../core/ledger/anchor.key';
import { verifyCommand } from './verify.command';
import { runCommand, USAGE } from './commands';
import { verifyExportCommand } from './import.command';
import { restoreCommand } from './restore.command';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const command = argv.filter((a, i) => !a.startsWith('--') && !(argv[i - 1] ?? '').startsWith('--'))[0];
  if (!command || command === 'help' || argv.includes('--help')) {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  if (command === 'verify-export') return verifyExportCommand(argv);
  // Before the app opens: the live database file must not be open while it is replaced.
  if (command === 'restore') return restoreCommand(argv);
  const dataDir = resolveDataDir(argv);
  const databaseUrl = resolveDatabaseUrl(argv);
  const app = await openApp(dataDir, { createAdmin: command === 'init', databaseUrl, anchorKeyFile: resolveAnchorKeyFile(argv, dataDir) });
  try {
    if (command === 'init') {
      console.log(databaseUrl ? `数据库：${redactUrl(databaseUrl)}（已完成初始化与迁移）` : `数据目录：${dataDir}（已完成数据库初始化与迁移）`);
      if (app.firstAdmin) printFirstAdmin(app.firstAdmin);
      else console.log('管理员账号已存在，未作改动。');
      return 0;
    }
    if (command === 'verify') return await verifyCommand(app, argv);
    return await runCommand(command, argv, app);
  } finally {
    await app.store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('命令执行失败：', err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
