/**
 * Build-time compression of the renderer: writes `<file>.br` and `<file>.gz` next to every text asset, so the HTTP
 * host serves them without compressing per request. Uses node:zlib only. Electron ignores these files.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Files worth compressing: text formats, at least 1 KB (below that the headers cost more than they save). */
export const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;
export const MIN_BYTES = 1024;

/** Writes .br and .gz for one file when each is meaningfully smaller; returns the sizes written (0 = skipped). */
export async function precompressFile(path: string): Promise<{ raw: number; br: number; gz: number }> {
  const data = await readFile(path);
  if (data.length < MIN_BYTES || !COMPRESSIBLE.test(path)) return { raw: data.length, br: 0, gz: 0 };
  const [b, g] = await Promise.all([
    brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
    gz(data, { level: 9 }),
  ]);
  const worth = (c: Buffer) => c.length < data.length * 0.9;
  await Promise.all([worth(b) ? writeFile(`${path}.br`, b) : null, worth(g) ? writeFile(`${path}.gz`, g) : null]);
  return { raw: data.length, br: worth(b) ? b.length : 0, gz: worth(g) ? g.length : 0 };
}

/** Vite plugin: after the bundle is written, precompress every emitted file (source maps are left alone). */
export function precompress(): Plugin {
  return {
    name: 'seized:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir;
      if (!dir) return;
      const files = Object.keys(bundle).filter((f) => COMPRESSIBLE.test(f) && !f.endsWith('.map'));
      await Promise.all(files.map((f) => precompressFile(join(dir, f))));
    },
  };
}
