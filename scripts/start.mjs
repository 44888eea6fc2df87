// `npm start`: the desktop app where Electron's binary is installed; otherwise the browser mode, with a clear message.
import { existsSync, readFileSync, mkdirSync, cpSync } from 'node:fs';
import { execSync, spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronDir = resolve('node_modules/electron');
const binaryPath = () => {
  const p = join(electronDir, 'path.txt');
  if (!existsSync(p)) return null;
  const bin = join(electronDir, 'dist', readFileSync(p, 'utf8').trim());
  return existsSync(bin) ? bin : null;
};

function browserMode(reason) {
  console.log(`\n[start] ${reason}`);
  console.log('[start] 改为浏览器模式：启动本机服务，请用浏览器打开下面的地址。\n');
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), 'electron/server/main.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

/** better-sqlite3 compiled for Electron's ABI, kept apart from the Node build the tests use. */
function electronSqliteBinding(version) {
  const dir = resolve('.electron-native/better-sqlite3');
  const binding = join(dir, 'build/Release/better_sqlite3.node');
  if (existsSync(binding)) return binding;
  console.log(`[start] 正在为 Electron ${version} 编译 better-sqlite3（首次约 1 分钟）…`);
  mkdirSync(dir, { recursive: true });
  cpSync(resolve('node_modules/better-sqlite3'), dir, { recursive: true, filter: (s) => !s.includes(`${'build'}/Release/obj`) });
  const r = spawnSync('npx', ['--yes', 'node-gyp', 'rebuild', '--release', '--runtime=electron', `--target=${version}`, '--dist-url=https://electronjs.org/headers'], { cwd: dir, stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status === 0 && existsSync(binding) ? binding : null;
}

execSync('node scripts/ensure-built.mjs', { stdio: 'inherit' });

let bin = binaryPath();
if (!bin && !process.env.CI) {
  console.log('[start] 未找到 Electron 运行文件，正在尝试下载…');
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8', timeout: 180_000 });
  bin = binaryPath();
  if (!bin) {
    const why = `${r.stderr ?? ''}`.split('\n').find((l) => /Error|ENOTFOUND|ETIMEDOUT|ECONN/.test(l));
    if (why) console.log(`[start] 下载失败：${why.trim().slice(0, 200)}`);
  }
}
if (!bin) {
  browserMode('Electron 运行文件未安装且无法下载（本机不能访问 Electron 的下载地址）。');
} else {
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const binding = electronSqliteBinding(version);
  if (!binding) browserMode('无法为 Electron 编译 better-sqlite3（需要联网下载 Electron 头文件和 C++ 编译环境）。');
  else {
    const child = spawn(bin, ['.'], { stdio: 'inherit', env: { ...process.env, SEIZED_SQLITE_BINDING: binding } });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
