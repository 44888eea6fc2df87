/** pdfmake 0.3 set up once per process with the embedded Chinese font (Noto Sans SC Regular + Bold). */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { AppError } from '../errors';

export const FONT_FAMILY = 'NotoSansSC';
export const FONT_FILES = { regular: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf' } as const;
const PACKAGE = '@expo-google-fonts/noto-sans-sc';
const PACKAGE_FILES = { regular: '400Regular/NotoSansSC_400Regular.ttf', bold: '700Bold/NotoSansSC_700Bold.ttf' } as const;

export type FontPaths = { regular: string; bold: string; from: string };

/** pdfmake's in-memory file system (not in its typings): fonts are read from disk once and kept here. */
type VirtualFs = { existsSync(name: string): boolean; writeFileSync(name: string, content: Buffer): void };
const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;

function packageDir(): string | null {
  try {
    const require = createRequire(import.meta.url);
    return path.dirname(require.resolve(`${PACKAGE}/package.json`));
  } catch {
    return null;
  }
}

/** Where the fonts are looked for, in order: config, SEIZED_FONT_DIR, <cwd>/resources/fonts, the npm package. */
export function fontCandidates(fontDir?: string | null): FontPaths[] {
  const dirs = [fontDir, process.env.SEIZED_FONT_DIR, path.join(process.cwd(), 'resources', 'fonts')].filter((d): d is string => !!d);
  const out = dirs.map((d) => ({ regular: path.join(d, FONT_FILES.regular), bold: path.join(d, FONT_FILES.bold), from: d }));
  const pkg = packageDir();
  if (pkg) out.push({ regular: path.join(pkg, PACKAGE_FILES.regular), bold: path.join(pkg, PACKAGE_FILES.bold), from: pkg });
  return out;
}

export function resolveFonts(fontDir?: string | null): FontPaths {
  return pickFonts(fontCandidates(fontDir));
}

/** The first candidate holding both files, or a Chinese error listing where it looked. */
export function pickFonts(candidates: FontPaths[]): FontPaths {
  const found = candidates.find((c) => fs.existsSync(c.regular) && fs.existsSync(c.bold));
  if (!found) {
    const where = candidates.map((c) => c.from).join('；') || '（无）';
    throw new AppError(
      'INTERNAL',
      `未找到中文字体 ${FONT_FILES.regular} / ${FONT_FILES.bold}，无法生成 PDF。已查找：${where}。` +
        `请运行 node scripts/copy-fonts.mjs，或在设置中指定字体目录（环境变量 SEIZED_FONT_DIR）。`,
    );
  }
  return found;
}

/** Loaded font sets, keyed by the fontDir asked for (usually just one per process). */
const engines = new Map<string, { normal: string; bold: string }>();
let policiesSet = false;

function engineFor(fontDir?: string | null): { normal: string; bold: string } {
  const key = fontDir ?? '';
  const cached = engines.get(key);
  if (cached) return cached;
  const fonts = resolveFonts(fontDir);
  const tag = `seized-fonts/${engines.size}`;
  const entry = { normal: `${tag}/${FONT_FILES.regular}`, bold: `${tag}/${FONT_FILES.bold}` };
  vfs.writeFileSync(entry.normal, fs.readFileSync(fonts.regular));
  vfs.writeFileSync(entry.bold, fs.readFileSync(fonts.bold));
  if (!policiesSet) {
    // Documents never fetch URLs or read local files: fonts come from memory, barcodes are inline SVG.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    policiesSet = true;
  }
  engines.set(key, entry);
  return entry;
}

/** Renders a pdfmake document definition with the Chinese font as the default. */
export async function renderPdf(doc: TDocumentDefinitions, opts: { fontDir?: string | null }): Promise<Buffer> {
  const font = engineFor(opts.fontDir);
  // A fresh dictionary each time: pdfmake keeps and rewrites the one it is given.
  pdfmake.setFonts({ [FONT_FAMILY]: { normal: font.normal, bold: font.bold, italics: font.normal, bolditalics: font.bold } });
  const def: TDocumentDefinitions = {
    ...doc,
    defaultStyle: { font: FONT_FAMILY, fontSize: 10, ...(doc.defaultStyle ?? {}) },
    info: { creator: '涉案财物管理系统', producer: '涉案财物管理系统', ...(doc.info ?? {}) },
  };
  const out = await pdfmake.createPdf(def).getBuffer();
  return Buffer.from(out);
}

/** Shanghai local time (UTC+8, no daylight saving) as 2026年12月01日 14:05. */
export function formatZhDateTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${p(d.getUTCMonth() + 1)}月${p(d.getUTCDate())}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** Shanghai local date as 2026-12-01. */
export function formatZhDate(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 10);
}
