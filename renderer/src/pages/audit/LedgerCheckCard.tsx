/**
 * 流转账本校验 as a background job: an incremental check on entry (events since the last verified checkpoint), a full
 * one on demand; shows its progress, what it checked, the chain head and the first break.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { JobResult } from '@shared/api/job.contract';
import { runJob, type JobProgress } from '../../api/jobs';
import { JobProgressBar } from '../../components/JobProgress';
import { errorText } from '../../components/use-action';
import { fmtTime } from '../../components/labels';

type Verify = NonNullable<JobResult['check']>;
const BREAK_KIND_LABELS: Record<NonNullable<Verify['firstBreak']>['kind'], string> = {
  altered: '记录被篡改（哈希不符）',
  missing: '记录缺失（序号不连续）',
  inserted: '记录被插入（链接不符）',
};

export function LedgerCheckCard() {
  const [result, setResult] = useState<{ r: Verify; at: string; ms: number } | null>(null);
  const [error, setError] = useState<{ title: string; details: string[] } | null>(null);
  const [progress, setProgress] = useState<(JobProgress & { mode: Verify['mode'] }) | null>(null);
  const started = useRef(false);

  const verify = useCallback(async (mode: Verify['mode']) => {
    const t0 = Date.now();
    setError(null);
    setProgress({ state: 'queued', done: 0, total: 0, mode });
    try {
      const { check } = await runJob({ kind: 'ledger.check', mode }, (p) => setProgress({ ...p, mode }));
      if (check) setResult({ r: check, at: new Date().toISOString(), ms: Date.now() - t0 });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setProgress(null);
    }
  }, []);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void verify('incremental');
  }, [verify]);

  const running = progress !== null;
  const r = result?.r;
  return (
    <Card
      size="small"
      title={<><SafetyCertificateOutlined /> 流转账本校验</>}
      extra={
        <Space>
          <Button loading={running && progress.mode === 'incremental'} disabled={running} onClick={() => void verify('incremental')} data-testid="verify-run">
            增量校验
          </Button>
          <Button type="primary" loading={running && progress.mode === 'full'} disabled={running} onClick={() => void verify('full')} data-testid="verify-full">
            全量校验
          </Button>
        </Space>
      }
      data-testid="ledger-check"
    >
      {running && (
        <div data-testid="verify-progress" style={{ marginBottom: 8 }}>
          <JobProgressBar p={progress} label={`正在${progress.mode === 'full' ? '全量' : '增量'}核对流转记录的哈希链`} unit=" 条" />
        </div>
      )}
      {error && <Alert type="error" showIcon title={`校验未能完成：${error.title}`} description={error.details.join('；') || undefined} style={{ marginBottom: 8 }} />}
      {r && (
        <>
          <Result
            style={{ padding: '8px 0' }}
            status={r.ok ? 'success' : 'error'}
            title={<span data-testid="verify-verdict">{r.ok ? '账本完整：全部流转记录哈希链连续、未被篡改' : '账本校验发现问题'}</span>}
            subTitle={`${r.mode === 'full' ? '全量' : '增量'}校验，校验时间 ${fmtTime(result.at)}，用时 ${(result.ms / 1000).toFixed(1)} 秒`}
          />
          <Descriptions size="small" bordered column={2} data-testid="verify-result">
            <Descriptions.Item label="本次校验">
              {r.checked.toLocaleString('zh-CN')} 条{r.mode === 'incremental' ? `（上次校验点第 ${r.fromSeq} 号之后）` : '（自第 1 号起）'}
            </Descriptions.Item>
            <Descriptions.Item label="账本事件总数">{r.headSeq.toLocaleString('zh-CN')} 条</Descriptions.Item>
            <Descriptions.Item label="链头哈希" span={2}>
              <Typography.Text code copyable={{ text: r.headHash, tooltips: ['复制', '已复制'] }} style={{ wordBreak: 'break-all' }}>
                {r.headHash || '（空账本）'}
              </Typography.Text>
            </Descriptions.Item>
            {r.firstBreak && (
              <>
                <Descriptions.Item label="首个断点序号">{r.firstBreak.seq}</Descriptions.Item>
                <Descriptions.Item label="断点类型">{BREAK_KIND_LABELS[r.firstBreak.kind]}</Descriptions.Item>
                <Descriptions.Item label="事件编号">{r.firstBreak.eventId ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="说明">
                  <Typography.Text type="danger" data-testid="verify-break">{r.firstBreak.message}</Typography.Text>
                </Descriptions.Item>
              </>
            )}
          </Descriptions>
          {r.integrity && <IntegrityResult i={r.integrity} />}
        </>
      )}
    </Card>
  );
}

/** A full check also replays the item events against the item rows, looks for the triggers and checks the count tables. */
function IntegrityResult({ i }: { i: NonNullable<Verify['integrity']> }) {
  const ok = i.mismatches.length === 0 && i.missingTriggers.length === 0 && i.missingCountTriggers.length === 0 && i.countDrift.length === 0;
  return (
    <Alert
      style={{ marginTop: 8 }}
      type={ok ? 'success' : 'error'}
      showIcon
      data-testid="verify-integrity"
      title={ok ? `物品记录与账本一致：${i.items.toLocaleString('zh-CN')} 件物品，账本只追加保护与统计表完好` : '物品记录、账本保护或统计表与账本不一致'}
      description={
        ok ? undefined : (
          <>
            {i.missingTriggers.length > 0 && <div>账本只追加触发器缺失：{i.missingTriggers.join('、')}（下次启动时自动恢复并记录）</div>}
            {i.missingCountTriggers.length > 0 && (
              <div>统计触发器缺失：{i.missingCountTriggers.join('、')}（下次启动时自动恢复，并按物品表重建统计表）</div>
            )}
            {i.countDrift.slice(0, 20).map((d, k) => (
              <div key={`drift-${k}`}>{d.message}</div>
            ))}
            {i.mismatches.slice(0, 20).map((m) => (
              <div key={`${m.itemId}-${m.field}`}>{m.message}</div>
            ))}
            {i.mismatches.length > 20 && <div>……共 {i.mismatches.length} 处</div>}
          </>
        )
      }
    />
  );
}
