/** CLI commands that change data: demo seeding, backup, users. */
import type { OpenedApp } from '../core/bootstrap';
import { generatePassword, hashPassword } from '../core/auth/password';
import { clearAccount } from '../core/auth/throttle';
import { appendSecurityAlone } from '../core/services/security/security.log';
import type { Store } from '../core/db/database';
import type { SecurityEventKind } from '../../shared/domain/security';

/** Admin commands run on the server's console: logged like the same actions in the app, the actor being the console. */
const cliSecurityEvent = (store: Store, kind: SecurityEventKind, userId: number, username: string, at: string) =>
  appendSecurityAlone(store, { kind, at, actor: null, subject: { id: userId, name: username }, client: 'cli', detail: { note: '服务器命令行操作' } });
import { seedReferenceData, DEMO_USERS } from '../core/seed/reference-data';
import { seedDemoItems } from '../core/seed/demo-items';
import { ROLES, type Role } from '../../shared/domain/enums';
import { roleConflict } from '../../shared/domain/permissions';
import { importCommand } from './import.command';
import { backupCommand } from './backup.command';

export const USAGE = `用法：npm run cli -- <命令> [--data 数据目录] [--database postgres://…]

  init                                   创建数据库并生成管理员一次性密码
  seed-demo [--items N] [--password P]   写入演示单位、用户、库位（以及 N 件演示物品）
  verify                                 校验流转账本的哈希链（失败时退出码 1）
  import 文件 --case 案件编号 [--dry-run] [--user U] [--doc 清单编号]  导入扣押清单（.xlsx/.csv；有错误时逐行列出，不写入任何物品）
  verify-export 案件档案.zip              核对案件档案压缩包：每个文件的 SHA-256 与清单一致，每条事件与其哈希一致
  backup --out 文件                       在线、一致地备份数据库并校验（照片复制到 <文件>-photos/；PostgreSQL 用 pg_dump；未通过校验时退出码 1）
  restore 备份文件                        恢复到新文件，账本与照片哈希校验通过后才换入，原数据库文件改名保留（先停止服务）；
                                         PostgreSQL（--database）：恢复到新数据库并校验，原库不动
  user add --username U --name 姓名 --agency 单位代码 --roles custodian,approver [--badge 警号] [--store 保管中心/分库编码]
  user reset-password --username U       重置密码并打印一次性密码
  user unlock --username U               解除登录锁定

数据目录：--data 优先，其次环境变量 SEIZED_DATA_DIR，默认 ./.data（照片等文件放在这里）
数据库：默认是数据目录中的 SQLite 文件；--database（或环境变量 DATABASE_URL）指定 PostgreSQL 服务器`;

function opt(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function need(argv: readonly string[], name: string): string {
  const v = opt(argv, name);
  if (!v) throw new Error(`缺少参数 ${name}`);
  return v;
}

export async function runCommand(command: string, argv: readonly string[], app: OpenedApp): Promise<number> {
  const db = app.store.db;
  const now = new Date().toISOString();
  if (command === 'import') return importCommand(argv, app);
  if (command === 'seed-demo') {
    const password = opt(argv, '--password') ?? 'Demo1234';
    await seedReferenceData(db, now, hashPassword(password));
    console.log(`已写入演示数据。演示用户（密码均为 ${password}）：`);
    for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(10)} ${u.displayName}（${u.roles.join(',')}）`);
    const n = Number(opt(argv, '--items') ?? 0);
    if (n > 0) {
      const started = Date.now();
      const perItem = opt(argv, '--events-per-item');
      const made = await seedDemoItems(app, n, (done) => process.stderr.write(`\r已生成 ${done}/${n} 件…`), { eventsPerItem: perItem ? Number(perItem) : undefined });
      process.stderr.write('\n');
      console.log(`已生成 ${made.items} 件演示物品、${made.events} 条流转事件（用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
    }
    return 0;
  }
  if (command === 'backup') return backupCommand(need(argv, '--out'), app);
  if (command === 'user') {
    const sub = argv[argv.indexOf('user') + 1];
    const username = need(argv, '--username');
    if (sub === 'add') {
      const agency = await db.selectFrom('agencies').select('id').where('code', '=', need(argv, '--agency')).executeTakeFirst();
      if (!agency) throw new Error('单位代码不存在');
      const roles = need(argv, '--roles').split(',').map((r) => r.trim());
      const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (bad.length) throw new Error(`未知角色：${bad.join('、')}（可用：${ROLES.join(', ')}）`);
      const clash = roleConflict(roles as Role[]);
      if (clash) throw new Error(clash);
      let storeId: number | null = null;
      if (roles.includes('custodian')) {
        const stores = await db.selectFrom('locations').select(['id', 'code', 'name']).where('kind', '=', 'store').where('active', '=', 1).orderBy('code').execute();
        const code = opt(argv, '--store');
        const store = stores.find((x) => x.code === code);
        if (code && !store) throw new Error(`保管中心/分库编码「${code}」不存在（可用：${stores.map((x) => `${x.code} ${x.name}`).join('、') || '无'}）`);
        if (!store && stores.length > 0) throw new Error(`保管员须用 --store 指定所在的保管中心/分库（可用：${stores.map((x) => `${x.code} ${x.name}`).join('、')}）`);
        storeId = store?.id ?? null;
      }
      const password = generatePassword();
      await db
        .insertInto('users')
        .values({
          store_id: storeId,
          username, display_name: need(argv, '--name'), badge_no: opt(argv, '--badge') ?? null, agency_id: agency.id,
          roles: JSON.stringify(roles as Role[]), password_hash: hashPassword(password), failed_attempts: 0, locked_until: null,
          must_change_password: 1, active: 1, created_at: now,
        })
        .execute();
      const created = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
      await cliSecurityEvent(app.store, 'user_created', created.id, username, now);
      console.log(`已创建用户 ${username}，一次性密码：${password}`);
      return 0;
    }
    const user = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (!user) throw new Error(`用户 ${username} 不存在`);
    if (sub === 'reset-password') {
      const password = generatePassword();
      await db.updateTable('users').set({ password_hash: hashPassword(password), must_change_password: 1, failed_attempts: 0, locked_until: null }).where('id', '=', user.id).execute();
      await db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
      await clearAccount(db, username);
      await cliSecurityEvent(app.store, 'password_reset', user.id, username, now);
      console.log(`已重置 ${username} 的密码，一次性密码：${password}`);
      return 0;
    }
    if (sub === 'unlock') {
      await db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', user.id).execute();
      await clearAccount(db, username);
      await cliSecurityEvent(app.store, 'user_unlocked', user.id, username, now);
      console.log(`已解除 ${username} 的锁定`);
      return 0;
    }
  }
  console.error(`未知命令：${command}\n\n${USAGE}`);
  return 1;
}
