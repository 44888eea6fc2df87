/** 调用出库: scan (or pick) an approved loan, scan each of its items, record condition out, execute, print the 调用单. */
import { useEffect, useState } from 'react';
import { Alert, Button, Col, Descriptions, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, PrinterOutlined } from '@ant-design/icons';
import type { RequestDto, RequestSummaryDto } from '@shared/api/request.contract';
import type { ItemDto } from '@shared/api/item.contract';
import { LOAN_PURPOSE_LABELS } from '@shared/domain/requests';
import { call, callQuiet } from '../../api/client';
import { useAction, errorText } from '../../components/use-action';
import { ScanBox } from '../../components/ScanBox';
import { ItemStatusTag } from '../../components/ItemStatusTag';
import { PrintDialog } from '../../components/PrintDialog';
import { fmtTime } from '../../components/labels';
import { beepOk, scanError } from '../../scanner';

export function LoanCheckout({ active }: { active: boolean }) {
  const [approved, setApproved] = useState<RequestSummaryDto[]>([]);
  const [req, setReq] = useState<RequestDto | null>(null);
  const [scanned, setScanned] = useState<Set<string>>(new Set());
  const [conditionOut, setConditionOut] = useState('完好');
  const [done, setDone] = useState<RequestDto | null>(null);
  const [printing, setPrinting] = useState(false);
  const { run, busy } = useAction();

  const loadList = () => void run(() => call('request.list', { kind: 'loan', status: ['approved'], limit: 100 })).then((r) => r && setApproved(r.rows));
  useEffect(() => {
    if (active) loadList();
  }, [active]); // eslint-disable-line react-hooks/exhaustive-deps

  const open = async (id: number) => {
    const r = await run(() => call('request.get', { id }));
    if (!r) return;
    if (r.kind !== 'loan' || r.status !== 'approved') return scanError(`申请单 ${r.requestNo} 当前为「${r.waitingFor}」，不是待出库的调用申请`);
    setReq(r);
    setScanned(new Set());
    setDone(null);
    beepOk();
  };

  const onCode = async (code: string) => {
    if (!active) return false;
    try {
      const hit = await callQuiet('scan.resolve', { code });
      if (hit.kind === 'request') return void (await open(hit.id));
      if (hit.kind === 'unknown') return scanError(`未识别的编码「${code}」：不是已登记的物品或申请单`);
      if (hit.kind !== 'item') return scanError(`「${code}」是库位编码，请扫描调用单号或物品`);
      if (!req) return scanError('请先扫描调用单号（或在左侧选择待出库的调用申请）');
      if (!req.items.some((i) => i.code === hit.code)) return scanError(`物品 ${hit.code}（${hit.label}）不在调用单 ${req.requestNo} 中`);
      if (scanned.has(hit.code)) return scanError(`物品 ${hit.code} 已扫描`);
      beepOk();
      setScanned((s) => new Set(s).add(hit.code));
    } catch (e) {
      scanError(errorText(e).title);
    }
  };

  const execute = async () => {
    if (!req) return;
    const r = await run(() => call('request.execute', { id: req.id, scannedCodes: [...scanned], conditionOut: conditionOut.trim() || undefined }), { progress: '正在办理出库…', success: `调用单 ${req.requestNo} 已出库` });
    if (r) {
      setDone(r);
      setReq(null);
      loadList();
    }
  };

  return (
    <Row gutter={16}>
      <Col span={7}>
        <Typography.Text strong>待出库的调用申请</Typography.Text>
        <Select
          style={{ width: '100%', margin: '6px 0 12px' }}
          placeholder="选择，或直接扫描调用单号"
          value={req?.id}
          onChange={(id: number) => void open(id)}
          options={approved.map((a) => ({ value: a.id, label: `${a.requestNo} ${a.caseNo ?? ''}（${a.itemCount} 件）` }))}
        />
        {req && (
          <Descriptions size="small" column={1} bordered data-testid="loan-request">
            <Descriptions.Item label="调用单号">{req.requestNo}</Descriptions.Item>
            <Descriptions.Item label="案件">{req.caseNo}</Descriptions.Item>
            <Descriptions.Item label="借用人">{req.details.borrower?.name}{req.details.borrower?.idNo ? `（${req.details.borrower.idNo}）` : ''}</Descriptions.Item>
            <Descriptions.Item label="用途">{req.details.purpose ? LOAN_PURPOSE_LABELS[req.details.purpose] : '—'}</Descriptions.Item>
            <Descriptions.Item label="归还期限">{fmtTime(req.dueAt)}</Descriptions.Item>
            <Descriptions.Item label="批准人">{req.decidedByName}</Descriptions.Item>
          </Descriptions>
        )}
      </Col>
      <Col span={17}>
        <ScanBox onCode={onCode} claim={active} placeholder="扫描调用单号，再逐件扫描物品" testId="checkout-scan" />
        {done && (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 8 }}
            title={`调用单 ${done.requestNo} 已出库 ${done.items.length} 件，借用人 ${done.details.borrower?.name ?? ''}`}
            action={<Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)}>打印调用单</Button>}
          />
        )}
        {req && (
          <>
            <Table<ItemDto>
              style={{ marginTop: 8 }}
              size="small"
              rowKey="id"
              dataSource={req.items}
              pagination={false}
              scroll={{ y: 300 }}
              columns={[
                { title: '', width: 36, render: (_, i) => (scanned.has(i.code) ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : null) },
                { title: '物品编码', dataIndex: 'code', width: 200 },
                { title: '名称', dataIndex: 'name' },
                { title: '库位', dataIndex: 'locationPath', width: 200 },
                { title: '状态', width: 90, render: (_, i) => <ItemStatusTag status={i.status} /> },
                { title: '核对', width: 80, render: (_, i) => (scanned.has(i.code) ? <Tag color="green">已扫描</Tag> : <Tag>待扫描</Tag>) },
              ]}
            />
            <Space style={{ marginTop: 8 }}>
              <Input addonBefore="出库时状况" style={{ width: 360 }} value={conditionOut} onChange={(e) => setConditionOut(e.target.value)} data-testid="condition-out" />
              <Typography.Text>已扫描 {scanned.size} / {req.items.length}</Typography.Text>
              <Button type="primary" disabled={!scanned.size} loading={busy} onClick={() => void execute()} data-testid="checkout-submit">确认出库</Button>
            </Space>
          </>
        )}
      </Col>
      {done && <PrintDialog open={printing} withStock={false} title="打印调用单" summary={`调用单 ${done.requestNo}`} onClose={() => setPrinting(false)} render={() => call('request.document', { id: done.id, type: 'loan_form' })} />}
    </Row>
  );
}
