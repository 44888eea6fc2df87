// Runs a TypeScript worker entry from source (vitest, tsx): registers tsx in this thread, then loads the entry.
// A built app (electron-vite) starts its compiled job-worker.js directly and never loads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
