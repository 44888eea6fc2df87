#!/usr/bin/env node
// Copies Noto Sans SC Regular + Bold (OFL-1.1) from the npm package into resources/fonts/,
// which electron-builder ships as extraResources. The folder is git-ignored: never commit fonts.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const PACKAGE = '@expo-google-fonts/noto-sans-sc';
const FILES = [
  ['400Regular/NotoSansSC_400Regular.ttf', 'NotoSansSC-Regular.ttf'],
  ['700Bold/NotoSansSC_700Bold.ttf', 'NotoSansSC-Bold.ttf'],
];

let pkgDir;
try {
  pkgDir = path.dirname(require.resolve(`${PACKAGE}/package.json`));
} catch {
  console.error(`[copy-fonts] 未找到 ${PACKAGE}，请先运行 npm ci。`);
  process.exit(1);
}

const outDir = path.join(root, 'resources', 'fonts');
fs.mkdirSync(outDir, { recursive: true });
for (const [from, to] of FILES) {
  const src = path.join(pkgDir, from);
  const dest = path.join(outDir, to);
  if (!fs.existsSync(src)) {
    console.error(`[copy-fonts] 字体文件缺失：${src}`);
    process.exit(1);
  }
  const same = fs.existsSync(dest) && fs.statSync(dest).size === fs.statSync(src).size;
  if (!same) fs.copyFileSync(src, dest);
  console.log(`[copy-fonts] ${same ? '已存在' : '已复制'} ${path.relative(root, dest)}`);
}
const license = path.join(pkgDir, 'LICENSE_FONT');
if (fs.existsSync(license)) fs.copyFileSync(license, path.join(outDir, 'OFL.txt'));
