/** One count: scan continuously with big colour feedback, progress, pause/resume, close, resolve, print the report. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Card, Col, Descriptions, Progress, Row, Space, Table, Tag, Typography } from 'antd';
import { PauseCircleOutlined, PlayCircleOutlined, PrinterOutlined, StopOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { SCAN_RESULT_LABELS, STOCKTAKE_STATUS_LABELS, type ScanOutcome, type StocktakeDto, type StocktakeScanDto } from '@shared/api/stocktake.contract';
import { call, callQuiet } from '../../api/client';
import { errorText, useAction } from '../../components/use-action';
import { useScanState } from '../../components/use-scan-state';
import { ScanBox } from '../../components/ScanBox';
import { PrintDialog } from '../../components/PrintDialog';
import { useConfirmIrreversible } from '../../components/confirm-irreversible';
import { fmtTime } from '../../components/labels';
import { scanError } from '../../scanner';
import { RESULT_STYLE, RESULT_TAG, soundFor } from './stocktake-ui';
import { STATUS_COLOR } from './StocktakeListPage';
import { DiscrepancyPanel } from './DiscrepancyPanel';
import { ExportButton } from '../../components/ExportButton';

export function StocktakePage() {
  const id = Number(useParams().id);
  const { run, busy } = useAction();
  const [printing, setPrinting] = useState(false);
  const confirm = useConfirmIrreversible();
  const [count, setCountState] = useState<StocktakeDto | null>(null);
  const version = useRef(0);
  const setCount = useCallback<typeof setCountState>((v) => {
    version.current++;
    setCountState(v);
  }, []);
  const [last, setLast] = useState<ScanOutcome | null>(null);
  const [here, setHere, hereRef] = useScanState<{ id: number; name: string } | null>(null);
  const reload = useCallback(() => void run(() => call('stocktake.get', { id })).then((c) => c && setCount(c)), [run, id, setCount]);
  useEffect(reload, [reload]);

  const onCode = async (code: string) => {
    try {
      const r = await callQuiet('stocktake.scan', { id, code, locationId: hereRef.current?.id });
      soundFor(r.result);
      setLast(r);
      if (r.result === 'LOCATION' && r.locationId) setHere({ id: r.locationId, name: r.locationName ?? '' });
      setCount((c) => (c ? { ...c, ...r.count } : c));
      if (r.result !== 'LOCATION') {
        // A refresh that returns after a later action (pause, close) must not put the older state back.
        const asked = version.current;
        void callQuiet('stocktake.get', { id })
          .then((fresh) => asked === version.current && setCount(fresh))
          .catch(() => undefined);
      }
    } catch (e) {
      scanError(errorText(e).title, code);
    }
  };

  if (!count) return <Card loading />;
  const open = count.status === 'OPEN';
  const setPaused = (paused: boolean) => void run(() => call(paused ? 'stocktake.pause' : 'stocktake.resume', { id }), { success: paused ? '已暂停，可在任一终端继续' : '已继续盘点' }).then((c) => c && setCount(c));
  const close = async () => {
    const ok = await confirm({
      title: '确认结束盘点',
      okText: '结束盘点',
      danger: false,
      facts: [
        ['盘点单号', count.countNo],
        ['范围', count.scopeName],
        ['应盘 / 已盘', `${count.expectedCount} / ${count.foundCount}`],
      ],
      warning: '结束后为已盘到的物品写入「盘点」记录，未盘到的记为盘亏，不能再扫描。',
    });
    if (!ok) return;
    const c = await run(() => call('stocktake.close', { id }), { success: '盘点已结束，请处理差异' });
    if (c) setCount(c);
  };
  const style = last ? RESULT_STYLE[last.result] : null;

  return (
    <Card
      title={
        <Space>
          盘点 {count.countNo}
          <Tag color={STATUS_COLOR[count.status]}>{STOCKTAKE_STATUS_LABELS[count.status]}</Tag>
          <Tag>{count.blind ? '盲盘' : '明盘'}</Tag>
        </Space>
      }
      extra={
        <Space>
          {count.status === 'OPEN' && <Button icon={<PauseCircleOutlined />} onClick={() => setPaused(true)}>暂停</Button>}
          {count.status === 'PAUSED' && <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setPaused(false)}>继续盘点</Button>}
          {count.status !== 'CLOSED' && <Button danger icon={<StopOutlined />} disabled={busy} onClick={() => void close()}>结束盘点</Button>}
          <Button icon={<PrinterOutlined />} disabled={busy} onClick={() => setPrinting(true)}>打印盘点表及差异报告</Button>
          <ExportButton what="盘点结果" testId="stocktake-export" job={() => ({ kind: 'stocktake.export', stocktakeId: id })} />
        </Space>
      }
    >
      <Row gutter={16}>
        <Col span={9}>
          <Descriptions size="small" column={1} bordered items={[
            { label: '范围', children: `${count.scopeName}（含下级）` },
            { label: '开始', children: `${fmtTime(count.openedAt)} ${count.openedByName}` },
            ...(count.closedAt ? [{ label: '结束', children: `${fmtTime(count.closedAt)} ${count.closedByName ?? ''}` }] : []),
            { label: '当前库位', children: here?.name ?? '（未扫描库位标签：按账面库位计）' },
          ]} />
          <div style={{ marginTop: 12 }}>
            <Typography.Text strong>进度：已盘 {count.foundCount} / 应盘 {count.expectedCount} 件，共扫描 {count.scanCount} 次</Typography.Text>
            <Progress data-testid="stocktake-progress" percent={count.expectedCount ? Math.round((count.foundCount / count.expectedCount) * 100) : 0} />
          </div>
        </Col>
        <Col span={15}>
          {count.status !== 'CLOSED' && (
            <ScanBox onCode={onCode} claim={open} autoFocus={open} testId="stocktake-scan" placeholder={open ? '连续扫描物品条码；扫描货架标签可切换当前库位' : '盘点已暂停：点「继续盘点」后扫描'} />
          )}
          <div
            data-testid="stocktake-feedback"
            data-result={last?.result ?? ''}
            style={{ marginTop: 8, padding: '14px 18px', minHeight: 92, borderRadius: 8, background: style?.bg ?? '#fafafa', color: style?.color ?? '#888', border: `2px solid ${style?.color ?? '#eee'}` }}
          >
            <div style={{ fontSize: 26, fontWeight: 700 }}>{style?.title ?? (count.status === 'CLOSED' ? '盘点已结束' : '等待扫描')}</div>
            <div style={{ fontSize: 18 }}>{last?.message ?? ''}</div>
          </div>
        </Col>
      </Row>
      {count.status === 'CLOSED' ? (
        <DiscrepancyPanel count={count} onChanged={setCount} />
      ) : (
        <Row gutter={16} style={{ marginTop: 12 }}>
          <Col span={count.blind ? 24 : 14}>
            <Table<StocktakeScanDto>
              rowKey="id"
              size="small"
              title={() => '扫描记录（最新在上）'}
              dataSource={count.scans}
              pagination={false}
              scroll={{ y: 260 }}
              columns={[
                { title: '时间', dataIndex: 'scannedAt', width: 130, render: fmtTime },
                { title: '编码', dataIndex: 'code', width: 170 },
                { title: '物品', dataIndex: 'itemName', width: 120, ellipsis: true },
                { title: '结果', dataIndex: 'result', width: 130, render: (r: StocktakeScanDto['result']) => <Tag color={RESULT_TAG[r]}>{SCAN_RESULT_LABELS[r]}</Tag> },
                { title: '说明', dataIndex: 'detail', ellipsis: true },
              ]}
            />
          </Col>
          {!count.blind && (
            <Col span={10}>
              <Table
                rowKey="itemId"
                size="small"
                title={() => '账面清单'}
                dataSource={count.expected}
                pagination={false}
                scroll={{ y: 260 }}
                columns={[
                  { title: '编码', dataIndex: 'code', width: 160 },
                  { title: '名称', dataIndex: 'name', ellipsis: true },
                  { title: '盘到', dataIndex: 'counted', width: 60, render: (v: boolean) => (v ? <Tag color="green">是</Tag> : <Tag>否</Tag>) },
                ]}
              />
            </Col>
          )}
        </Row>
      )}
      <PrintDialog open={printing} withStock={false} title="打印盘点表及差异报告" summary={`盘点 ${count.countNo}：${count.scopeName}`} onClose={() => setPrinting(false)} render={() => call('stocktake.print', { id })} />
    </Card>
  );
}
