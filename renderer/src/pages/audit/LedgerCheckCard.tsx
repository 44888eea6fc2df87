/** 流转账本校验: runs ledger.verify (on entry and on demand) and shows what it checked, the chain head and the first break. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Progress, Result, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { MethodOutput } from '@shared/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../components/use-action';
import { fmtTime } from '../../components/labels';

type Verify = MethodOutput<'ledger.verify'>;
const BREAK_KIND_LABELS: Record<NonNullable<Verify['firstBreak']>['kind'], string> = {
  altered: '记录被篡改（哈希不符）',
  missing: '记录缺失（序号不连续）',
  inserted: '记录被插入（链接不符）',
};

export function LedgerCheckCard() {
  const [result, setResult] = useState<{ r: Verify; at: string; ms: number } | null>(null);
  const [error, setError] = useState<{ title: string; details: string[] } | null>(null);
  const [elapsed, setElapsed] = useState<number | null>(null);
  const started = useRef(false);

  const verify = useCallback(async () => {
    const t0 = Date.now();
    setError(null);
    setElapsed(0);
    const tick = setInterval(() => setElapsed(Math.floor((Date.now() - t0) / 1000)), 250);
    try {
      const r = await call('ledger.verify', {});
      setResult({ r, at: new Date().toISOString(), ms: Date.now() - t0 });
    } catch (e) {
      setError(errorText(e));
    } finally {
      clearInterval(tick);
      setElapsed(null);
    }
  }, []);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void verify();
  }, [verify]);

  const running = elapsed !== null;
  const r = result?.r;
  return (
    <Card
      size="small"
      title={<><SafetyCertificateOutlined /> 流转账本校验</>}
      extra={<Button type="primary" loading={running} onClick={() => void verify()} data-testid="verify-run">{running ? '正在校验' : '重新校验'}</Button>}
      data-testid="ledger-check"
    >
      {running && (
        <div data-testid="verify-progress" style={{ marginBottom: 8 }}>
          <Typography.Text>正在逐条核对流转记录的哈希链，已用 {elapsed} 秒…</Typography.Text>
          <Progress percent={100} status="active" showInfo={false} />
        </div>
      )}
      {error && <Alert type="error" showIcon title={`校验未能完成：${error.title}`} description={error.details.join('；') || undefined} style={{ marginBottom: 8 }} />}
      {r && (
        <>
          <Result
            style={{ padding: '8px 0' }}
            status={r.ok ? 'success' : 'error'}
            title={<span data-testid="verify-verdict">{r.ok ? '账本完整：全部流转记录哈希链连续、未被篡改' : '账本校验发现问题'}</span>}
            subTitle={`校验时间 ${fmtTime(result.at)}，用时 ${(result.ms / 1000).toFixed(1)} 秒`}
          />
          <Descriptions size="small" bordered column={2} data-testid="verify-result">
            <Descriptions.Item label="已校验记录">{r.checked.toLocaleString('zh-CN')} 条</Descriptions.Item>
            <Descriptions.Item label="链头序号">{r.headSeq}</Descriptions.Item>
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
        </>
      )}
    </Card>
  );
}
