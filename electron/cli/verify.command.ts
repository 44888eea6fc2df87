/** `cli verify [--checkpoint FILE]…`: the hash chain, the item rows against it, the triggers, and given checkpoints. */
import { readFileSync } from 'node:fs';
import type { OpenedApp } from '../core/bootstrap';
import { verifyLedger } from '../core/ledger/ledger.verify';
import { countDrift, missingItemCountTriggers, missingTriggers, reconcileItems } from '../core/ledger/ledger.integrity';
import { checkCheckpoint } from '../core/ledger/anchor.service';
import { checkpointFile } from '../../shared/api/anchor.schemas';

export async function verifyCommand(app: OpenedApp, argv: readonly string[]): Promise<number> {
  const files = argv.flatMap((a, i) => (argv[i - 1] === '--checkpoint' ? [a] : []));
  const started = Date.now();
  const db = app.store.db;
  const r = await verifyLedger(db, { onProgress: (n) => process.stderr.write(`\r已校验 ${n} 条事件…`) });
  process.stderr.write('\n');
  let failed = false;
  if (r.ok) console.log(`账本哈希链校验通过：共 ${r.checked} 条事件，链头 #${r.headSeq} ${r.headHash}（用时 ${Date.now() - started} ms）`);
  else {
    failed = true;
    console.error(`账本校验失败：${r.firstBreak!.message}（事件 id ${r.firstBreak!.eventId ?? '无'}，类型 ${r.firstBreak!.kind}）`);
  }
  const rows = await reconcileItems(db, { onProgress: (n) => process.stderr.write(`\r已核对 ${n} 件物品…`) });
  process.stderr.write('\n');
  if (rows.mismatches.length === 0) console.log(`物品记录与账本一致：${rows.items} 件物品，${rows.events} 条物品事件`);
  else {
    failed = true;
    console.error(`物品记录与账本不一致（${rows.mismatches.length} 处）：`);
    for (const m of rows.mismatches) console.error(`  ${m.message}`);
  }
  const missing = await missingTriggers(db, app.store.dialect);
  if (missing.length) {
    failed = true;
    console.error(`账本只追加触发器缺失：${missing.join('、')}（下次启动会自动恢复并记录）`);
  } else console.log('账本只追加触发器完好');
  const countTriggers = await missingItemCountTriggers(db, app.store.dialect);
  if (countTriggers.length) {
    failed = true;
    console.error(`统计触发器缺失：${countTriggers.join('、')}（下次启动会自动恢复，并按物品表重建统计表）`);
  } else console.log('统计触发器完好');
  const countsAt = Date.now();
  const drift = await countDrift(db, app.store.dialect);
  if (drift.length) {
    failed = true;
    console.error(`统计表与物品表不一致（${drift.length} 处${drift.length >= 100 ? '以上' : ''}）：`);
    for (const d of drift) console.error(`  ${d.message}`);
  } else console.log(`统计表与物品表一致（用时 ${Date.now() - countsAt} ms）`);
  for (const f of files) {
    const parsed = checkpointFile.safeParse(JSON.parse(readFileSync(f, 'utf8')));
    if (!parsed.success) {
      failed = true;
      console.error(`凭证文件 ${f} 格式不对`);
      continue;
    }
    const c = await checkCheckpoint(db, app.core.config.anchorKey ?? null, parsed.data);
    const ok = c.extends && c.signatureOk;
    if (!ok) failed = true;
    (ok ? console.log : console.error)(`凭证 ${f}（第 ${c.seq} 号事件，${c.signedAt}）：${ok ? '通过' : '未通过'}，${c.message}`);
  }
  return failed ? 1 : 0;
}
