/** Checking PDFs as a person would: poppler (pdftotext, pdftoppm, pdffonts, pdfinfo) and zbarimg. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TOOLS = ['pdftotext', 'pdftoppm', 'pdffonts', 'pdfinfo', 'zbarimg'] as const;

/** Fails loudly (never skips) when the checking tools are missing. */
export function requireTools(): void {
  const missing = TOOLS.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
  if (missing.length) {
    throw new Error(`缺少 PDF 检查工具：${missing.join(', ')}。请安装：apt-get install -y poppler-utils zbar-tools`);
  }
}

export function tempDir(prefix = 'docs-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function writePdf(dir: string, name: string, data: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof data === 'string' ? Buffer.from(data, 'base64') : data);
  return file;
}

export function pdfText(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...range, '-layout', file, '-'], { encoding: 'utf8' });
}

export function pdfPages(file: string): number {
  const m = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Number(m?.[1] ?? 0);
}

export function pdfFonts(file: string): string {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

/** Renders pages to PNG and decodes every barcode on them with zbarimg; one string array per page. */
export function decodePages(file: string, opts: { dpi?: number; first?: number; last?: number } = {}): string[][] {
  const dir = tempDir('zbar-');
  const range = [...(opts.first ? ['-f', String(opts.first)] : []), ...(opts.last ? ['-l', String(opts.last)] : [])];
  execFileSync('pdftoppm', ['-r', String(opts.dpi ?? 300), ...range, '-png', file, path.join(dir, 'p')]);
  const pngs = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
  const out = pngs.map((png) => {
    // zbarimg exits 4 when a page has no symbol: that is a result, not an error.
    const r = spawnSync('zbarimg', ['--raw', '-q', path.join(dir, png)], { encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 4) throw new Error(`zbarimg 失败（${r.status}）：${r.stderr}`);
    return r.stdout.split('\n').filter(Boolean);
  });
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

export type PdfWord = { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number };

/** Every word pdftotext finds, with its box in pt (origin top left), page by page. */
export function pdfWords(file: string): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out: PdfWord[] = [];
  html.split('<page ').slice(1).forEach((chunk, i) => {
    for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const text = m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
      out.push({ page: i + 1, text, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
    }
  });
  return out;
}

/**
 * Checks that each code is printed whole, as one word on one line, and that nothing else on its line runs
 * into it (a code too wide for its column would overlap the next one). Returns the problems found.
 */
export function codeProblems(words: PdfWord[], codes: string[]): string[] {
  const problems: string[] = [];
  for (const code of codes) {
    const hits = words.filter((w) => w.text === code || w.text.endsWith(`：${code}`));
    if (hits.length === 0) {
      problems.push(`${code}: not found whole`);
      continue;
    }
    for (const h of hits) {
      const clash = words.find(
        (w) => w !== h && w.page === h.page && w.yMin < h.yMax - 1 && w.yMax > h.yMin + 1 && w.xMin < h.xMax - 0.5 && w.xMax > h.xMin + 0.5,
      );
      if (clash) problems.push(`${code}: overlaps「${clash.text}」on page ${h.page}`);
    }
  }
  return problems;
}

/** The words on the page that holds 签名确认 printed above it, without the running header; null if no such page. */
export function bodyAboveSignatures(words: PdfWord[]): string[] | null {
  const sig = words.find((w) => w.text === '签名确认');
  if (!sig) return null;
  const HEADER_BOTTOM = 40; // the running header (系统名, 文书编号) sits above 40 pt
  return words.filter((w) => w.page === sig.page && w.yMin > HEADER_BOTTOM && w.yMax <= sig.yMin).map((w) => w.text);
}
