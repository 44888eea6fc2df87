import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/precompress';

const alias = { '@shared': resolve(__dirname, 'shared') };

// Vendor code the first screen needs, in chunks that change rarely (so they stay cached across app updates).
// `$initial` keeps code that only lazy pages use (tables, pickers…) out of them: those parts load with the pages.
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
  { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@emotion|stylis|dayjs)[\\/]/, tags: ['$initial' as const], priority: 20 },
  { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial' as const], priority: 10 },
];

export default defineConfig({
  main: {
    resolve: { alias },
    // job-worker: the background jobs' worker thread (electron/core/jobs), started by the job manager next to the bundle.
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts'), 'job-worker': resolve(__dirname, 'electron/core/jobs/job-worker.ts') } },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias },
    // precompress: .br/.gz next to each asset for the HTTP host (electron/server/static-files.ts).
    plugins: [react(), precompress()],
    server: { port: 5781 },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default; the browser mode downloads it, so minify.
      minify: true,
      chunkSizeWarningLimit: 600,
      rollupOptions: {
        input: resolve(__dirname, 'renderer/index.html'),
        output: { codeSplitting: { groups: vendorGroups } },
      },
    },
  },
});
