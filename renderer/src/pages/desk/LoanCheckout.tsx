/** 调用出库: the approved loans are listed; scan (or pick) one, scan each of its items, record condition out, execute, print the 调用单. */
import { useEffect, useState } from 'react';
import { Alert, Button, Col, Descriptions, Input, Row, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleFilled, PrinterOutlined } from '@ant-design/icons';
import type { RequestDto } from '@shared/api/request.contract';
import type { ItemDto } from '@shared/api/item.contract';
import { LOAN_PURPOSE_LABELS } from '@shared/domain/requests';
import { call, callQuiet } from '../../api/client';
import { useAction, errorText } from '../../components/use-action';
import { useScanState } from '../../components/use-scan-state';
import { ScanBox } from '../../components/ScanBox';
import { ItemStatusTag } from '../../components/ItemStatusTag';
import { PrintDialog } from '../../components/PrintDialog';
import { fmtTime } from '../../components/labels';
import { beepOk, scanError } from '../../scanner';
import { ApprovedLoanList } from './ApprovedLoanList';
import { isCashOrValuable, WitnessInline, witnessOrNone, type WitnessCreds } from '../../components/WitnessInline';

export function LoanCheckout({ active }: { active: boolean }) {
  const [approved, setApproved] = useState<RequestDto[]>([]);
  const [listing, setListing] = useState(false);
  const [req, setReq, reqRef] = useScanState<RequestDto | null>(null);
  const [scanned, setScanned, scannedRef] = useScanState<Set<string>>(new Set());
  const [conditionOut, setConditionOut] = useState('完好');
  const [witness, setWitness] = useState<WitnessCreds>({ username: '', password: '' });
  const [done, setDone] = useState<RequestDto | null>(null);
  const [printing, setPrinting] = useState(false);
  const { run, busy } = useAction();

  // The list shows borrower and items, which only the full request carries.
  const loadList = async () => {
    setListing(true);
    const list = await run(() => call('request.list', { kind: 'loan', status: ['approved'], limit: 50 }));
    const full = list ? await Promise.all(list.rows.map((r) => callQuiet('request.get', { id: r.id }).catch(() => null))) : [];
    setApproved(full.filter((r): r is RequestDto => !!r));
    setListing(false);
  };
  useEffect(() => {
    if (active) void loadList();
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
      const pending = reqRef.current;
      if (!pending) return scanError('请先扫描调用单号（或在待出库列表中点击「出库」）');
      if (!pending.items.some((i) => i.code === hit.code)) return scanError(`物品 ${hit.code}（${hit.label}）不在调用单 ${pending.requestNo} 中`);
      if (scannedRef.current.has(hit.code)) return scanError(`物品 ${hit.code} 已扫描`);
      beepOk();
      setScanned((s) => new Set(s).add(hit.code));
    } catch (e) {
      scanError(errorText(e).title);
    }
  };

  const execute = async () => {
    if (!req) return;
    const w = witnessOrNone(witness);
    const r = await run(
      () => call('request.execute', { id: req.id, scannedCodes: [...scanned], conditionOut: conditionOut.trim() || undefined, ...(w ? { witnesses: [w] } : {}) }),
      { progress: '正在办理出库…', success: `调用单 ${req.requestNo} 已出库` },
    );
    if (r) {
      setWitness({ username: '', password: '' });
      setDone(r);
      setReq(null);
      void loadList();
    }
  };

  const scanBox = <ScanBox onCode={onCode} claim={active} placeholder="扫描调用单号，再逐件扫描物品" testId="checkout-scan" />;
  const doneBar = done && (
    <Alert
      type="success"
      showIcon
      style={{ marginTop: 8 }}
      title={`调用单 ${done.requestNo} 已出库 ${done.items.length} 件，借用人 ${done.details.borrower?.name ?? ''}`}
      action={<Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)}>打印调用单</Button>}
    />
  );

  if (!req) {
    return (
      <>
        {scanBox}
        {doneBar}
        <Typography.Text strong style={{ display: 'block', margin: '10px 0 6px' }} data-testid="approved-count">
          待出库的调用申请（{approved.length} 张）：扫描调用单号，或点击「出库」
        </Typography.Text>
        <ApprovedLoanList rows={approved} loading={listing} onOpen={(id) => void open(id)} />
        {done && <PrintDialog open={printing} withStock={false} title="打印调用单" summary={`调用单 ${done.requestNo}`} onClose={() => setPrinting(false)} render={() => call('request.document', { id: done.id, type: 'loan_form' })} />}
      </>
    );
  }

  return (
    <Row gutter={16}>
      <Col span={7}>
        <Button size="small" icon={<ArrowLeftOutlined />} style={{ marginBottom: 8 }} onClick={() => setReq(null)}>
          待出库列表（{approved.length} 张）
        </Button>
        <Descriptions size="small" column={1} bordered data-testid="loan-request">
          <Descriptions.Item label="调用单号">{req.requestNo}</Descriptions.Item>
          <Descriptions.Item label="案件">{req.caseNo}</Descriptions.Item>
          <Descriptions.Item label="借用人">{req.details.borrower?.name}{req.details.borrower?.idNo ? `（${req.details.borrower.idNo}）` : ''}</Descriptions.Item>
          <Descriptions.Item label="用途">{req.details.purpose ? LOAN_PURPOSE_LABELS[req.details.purpose] : '—'}</Descriptions.Item>
          <Descriptions.Item label="归还期限">{fmtTime(req.dueAt)}</Descriptions.Item>
          <Descriptions.Item label="批准人">{req.decidedByName}</Descriptions.Item>
        </Descriptions>
      </Col>
      <Col span={17}>
        {scanBox}
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
        {req.items.some(isCashOrValuable) && (
          <div style={{ marginTop: 8 }}>
            <WitnessInline what="本次调用出库" value={witness} onChange={setWitness} />
          </div>
        )}
        <Space style={{ marginTop: 8 }}>
          <Input addonBefore="出库时状况" style={{ width: 360 }} value={conditionOut} onChange={(e) => setConditionOut(e.target.value)} data-testid="condition-out" />
          <Typography.Text>已扫描 {scanned.size} / {req.items.length}</Typography.Text>
          <Button type="primary" disabled={!scanned.size} loading={busy} onClick={() => void execute()} data-testid="checkout-submit">确认出库</Button>
        </Space>
      </Col>
    </Row>
  );
}
