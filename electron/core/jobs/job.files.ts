/**
 * Job files on disk: a large job output (a scope trail in volumes) is written to one file in the job-file folder,
 * named by its job id only, and streamed to its owner; it never travels as base64. Each process has its own folder,
 * `<dataDir>/job-files/<pid>` (a CLI run beside the server must not touch the server's files); at start-up the
 * folders of processes no longer running are deleted (left-overs). Without a data folder (in memory, tests) it is a
 * fresh OS temp folder. The folder is made by the first job that writes a file. A job's file is `<jobId>`, its work files `<jobId>.*`.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type JobFiles = {
  /** The folder (not created here: the job that writes a file creates it). */
  readonly dir: string;
  /** Where job `jobId` writes its file. */
  pathOf(jobId: string): string;
  /** Deletes a job's file and its work files. */
  remove(jobId: string): void;
  /** Deletes this process's folder and everything in it. */
  clear(): void;
};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

/** Deletes the job-file folders of processes that are gone. */
export function sweepLeftovers(dataDir: string): void {
  const root = join(dataDir, 'job-files');
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^\d+$/.test(name) ? Number(name) : null;
    if (pid === process.pid || (pid !== null && alive(pid))) continue;
    rmSync(join(root, name), { recursive: true, force: true });
  }
}

export function createJobFiles(dataDir: string | null): JobFiles {
  const dir = dataDir ? join(dataDir, 'job-files', String(process.pid)) : join(tmpdir(), `seized-job-files-${process.pid}-${randomBytes(4).toString('hex')}`);
  const list = () => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  };
  return {
    dir,
    pathOf: (jobId) => join(dir, jobId),
    remove(jobId) {
      for (const name of list()) if (name === jobId || name.startsWith(`${jobId}.`)) rmSync(join(dir, name), { force: true });
    },
    clear: () => rmSync(dir, { recursive: true, force: true }),
  };
}
