// Runs Electronegativity over electron/ for the installed Electron version, offline, and fails on any HIGH or MEDIUM
// finding, or on a LOW not accepted (with its reason) in .electronegativity.yml. Prints a one-line summary.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml');
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const out = join(mkdtempSync(join(tmpdir(), 'eng-')), 'report.csv');
const bin = join('node_modules', '.bin', process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity');
const run = spawnSync(bin, ['-i', 'electron', '-e', electronVersion, '-o', out], { encoding: 'utf8' });
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  process.exit(2);
}
const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1).filter(Boolean);
const findings = rows.map((line) => {
  const [issue, severity, , file, location] = line.split(',').map((s) => s.replace(/^"|"$/g, ''));
  return { issue, severity, where: `${file.replace(`${process.cwd()}/`, '')}:${location}` };
});
const accepted = yaml.load(readFileSync('.electronegativity.yml', 'utf8')).acceptedLow ?? {};
const bad = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM' || (f.severity === 'LOW' && !accepted[f.issue]));
const count = (s) => findings.filter((f) => f.severity === s).length;
console.log(`electronegativity (Electron ${electronVersion}): HIGH ${count('HIGH')}, MEDIUM ${count('MEDIUM')}, LOW ${count('LOW')} (accepted: ${Object.keys(accepted).join(', ') || 'none'})`);
for (const f of bad) console.log(`  not allowed: ${f.severity} ${f.issue} at ${f.where}`);
process.exit(bad.length ? 1 : 0);
