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
