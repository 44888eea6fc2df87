/**
 * A second program on the same data folder (run as a child process by two-processes.test.ts): signs in and writes
 * in a loop, then prints every call's outcome as one JSON line.
 * Usage: node --import tsx writer-process.ts <dataDir> <name> <rounds> [password]
 * (also run by bench/two-writers.ts on the bench's copy of its dataset)
 */
import { openApp } from '../../../electron/core/bootstrap';

const [dataDir, name, rounds, password = 'Demo1234'] = process.argv.slice(2) as [string, string, string, string?];
const app = await openApp(dataDir, { createAdmin: false, log: () => {} });
const outcomes: { method: string; ok: boolean; code?: string; message?: string }[] = [];
const note = (method: string, r: Awaited<ReturnType<typeof app.core.dispatch>>) =>
  outcomes.push(r.ok ? { method, ok: true } : { method, ok: false, code: r.error.code, message: r.error.message });

for (let i = 0; i < Number(rounds); i++) {
  // A login writes a session row: it must never be told that data was changed under it.
  const login = await app.core.dispatch(null, 'auth.login', { username: 'ga_bar', password });
  note('auth.login', login);
  if (!login.ok) continue;
  const token = (login.data as { token: string }).token;
  const kase = await app.core.dispatch(token, 'case.create', { caseNo: `A${name}${String(i).padStart(6, '0')}`, name: `${name}并发案${i}` });
  note('case.create', kase);
  if (!kase.ok) continue;
  const items = Array.from({ length: 50 }, (_, k) => ({ name: `${name}物品${i}-${k}`, category: 'general', quantity: 1, unit: '件', source: 'seized' }));
  const reg = await app.core.dispatch(token, 'item.register', {
    caseId: (kase.data as { id: number }).id, seizureDocNo: `${name}扣〔2026〕${i}号`, seizedAt: new Date(Date.now() - 60_000).toISOString(), seizedBy: '李办案', items,
  });
  note('item.register', reg);
}
await app.store.close();
process.stdout.write(JSON.stringify(outcomes) + '\n');
