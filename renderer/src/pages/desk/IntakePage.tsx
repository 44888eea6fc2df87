/** 入库查验: scan arriving items, accept (condition, seal) or refuse (reason) each, witness for cash/valuables, then the 入库回执. */
import { useState } from 'react';
import { Alert, Button, Card, Col, Input, Radio, Row, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, PrinterOutlined } from '@ant-design/icons';
import type { ItemDto } from '@shared/api/item.contract';
import { ITEM_CATEGORY_LABELS, ITEM_STATUS_LABELS } from '@shared/domain/enums';
import { call, callQuiet } from '../../api/client';
import { jobFile } from '../../api/jobs';
import { useAction, errorText } from '../../components/use-action';
import { ScanBox } from '../../components/ScanBox';
import { ItemStatusTag } from '../../components/ItemStatusTag';
import { PrintDialog } from '../../components/PrintDialog';
import { fmtQty } from '../../components/labels';
import { beepOk, scanError } from '../../scanner';

type Line = { item: ItemDto; accept: boolean; conditionNote: string; sealNo: string; reason: string };
const needsWitness = (i: ItemDto) => i.category === 'cash' || i.category === 'valuables' || i.flags.includes('cash') || i.flags.includes('valuable');

export function IntakePage() {
  const [lines, setLines] = useState<Line[]>([]);
  const [giver, setGiver] = useState({ name: '', idNo: '' });
  const [witness, setWitness] = useState({ username: '', password: '' });
  const [result, setResult] = useState<{ accepted: ItemDto[]; refused: ItemDto[] } | null>(null);
  const [printing, setPrinting] = useState<'receipt' | 'labels' | null>(null);
  const { run, busy, message } = useAction();

  const onCode = async (code: string) => {
    if (result) setResult(null);
    if (lines.some((l) => l.item.code === code)) return scanError(`物品 ${code} 已在本次接收清单中`);
    try {
      const item = await callQuiet('item.byCode', { code });
      if (item.status !== 'REGISTERED' && item.status !== 'RECEIVING') return scanError(`物品 ${code}（${item.name}）当前状态为「${ITEM_STATUS_LABELS[item.status]}」，不能入库查验`);
      beepOk();
      setLines((ls) => [{ item, accept: true, conditionNote: '', sealNo: item.sealNo ?? '', reason: '' }, ...ls]);
    } catch (e) {
      scanError(errorText(e).title);
    }
  };
  const set = (id: number, patch: Partial<Line>) => setLines((ls) => ls.map((l) => (l.item.id === id ? { ...l, ...patch } : l)));
  const accepted = lines.filter((l) => l.accept);
  const refused = lines.filter((l) => !l.accept);
  const witnessNeeded = accepted.some((l) => needsWitness(l.item));

  const submit = async () => {
    if (!giver.name.trim()) return void message.error('请填写移交人姓名');
    const noReason = refused.find((l) => !l.reason.trim());
    if (noReason) return void message.error(`请填写拒收 ${noReason.item.code}（${noReason.item.name}）的原因`);
    if (witnessNeeded && (!witness.username.trim() || !witness.password)) return void message.error('清单中有现金或贵重物品，须由另一名工作人员输入账号和密码见证');
    const counterpart = { name: giver.name.trim(), idNo: giver.idNo.trim() || undefined };
    let acc: ItemDto[] = [];
    if (accepted.length) {
      const r = await run(
        () =>
          call('intake.receive', {
            counterpart,
            items: accepted.map((l) => ({ itemId: l.item.id, conditionNote: l.conditionNote.trim() || undefined, sealNo: l.sealNo.trim() || undefined })),
            witness: witnessNeeded ? witness : undefined,
          }),
        { progress: '正在入库…' },
      );
      if (!r) return;
      acc = r.items;
    }
    const ref: ItemDto[] = [];
    for (const l of refused) {
      const r = await run(() => call('intake.refuse', { itemId: l.item.id, reason: l.reason.trim(), counterpart }));
      if (r) ref.push(r.item);
    }
    setResult({ accepted: acc, refused: ref });
    setLines([]);
    setWitness({ username: '', password: '' });
    message.success(`已接收 ${acc.length} 件，拒收 ${ref.length} 件`);
  };

  return (
    <Card title="入库查验" styles={{ body: { paddingTop: 12 } }}>
      <Row gutter={12} style={{ marginBottom: 8 }}>
        <Col span={5}><Input addonBefore="移交人" placeholder="姓名" value={giver.name} onChange={(e) => setGiver({ ...giver, name: e.target.value })} data-testid="giver-name" /></Col>
        <Col span={5}><Input addonBefore="证件/警号" value={giver.idNo} onChange={(e) => setGiver({ ...giver, idNo: e.target.value })} data-testid="giver-id" /></Col>
        <Col span={14}><ScanBox onCode={onCode} placeholder="扫描移交物品的条码" /></Col>
      </Row>
      {result && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 8 }}
          title={`本次入库 ${result.accepted.length} 件${result.refused.length ? `，拒收退回 ${result.refused.length} 件（${result.refused.map((i) => i.code).join('、')}）` : ''}`}
          action={
            result.accepted.length > 0 && (
              <Space>
                <Button type="primary" icon={<PrinterOutlined />} onClick={() => setPrinting('receipt')}>打印入库回执</Button>
                <Button icon={<PrinterOutlined />} onClick={() => setPrinting('labels')}>打印标签</Button>
              </Space>
            )
          }
        />
      )}
      <Table<Line>
        size="small"
        rowKey={(l) => l.item.id}
        dataSource={lines}
        pagination={false}
        scroll={{ y: 330 }}
        data-testid="intake-lines"
        locale={{ emptyText: '请扫描移交物品的条码' }}
        columns={[
          { title: '物品编码', width: 190, render: (_, l) => <Typography.Text code>{l.item.code}</Typography.Text> },
          { title: '名称', render: (_, l) => <>{l.item.name} {needsWitness(l.item) && <Tag color="gold">需见证</Tag>}</> },
          { title: '类别', width: 90, render: (_, l) => ITEM_CATEGORY_LABELS[l.item.category] },
          { title: '数量/金额', width: 100, render: (_, l) => fmtQty(l.item) },
          { title: '状态', width: 90, render: (_, l) => <ItemStatusTag status={l.item.status} /> },
          {
            title: '查验结果',
            width: 140,
            render: (_, l) => (
              <Radio.Group size="small" optionType="button" buttonStyle="solid" value={l.accept ? 'a' : 'r'} onChange={(e) => set(l.item.id, { accept: e.target.value === 'a' })} data-testid={`decision-${l.item.code}`}
                options={[{ value: 'a', label: '接收' }, { value: 'r', label: '拒收' }]} />
            ),
          },
          {
            title: '查验情况 / 拒收原因',
            width: 320,
            render: (_, l) =>
              l.accept ? (
                <Space.Compact style={{ width: '100%' }}>
                  <Input size="small" placeholder="外观、包装情况" value={l.conditionNote} onChange={(e) => set(l.item.id, { conditionNote: e.target.value })} data-testid={`condition-${l.item.code}`} />
                  <Input size="small" placeholder="封签号" style={{ width: 110 }} value={l.sealNo} onChange={(e) => set(l.item.id, { sealNo: e.target.value })} />
                </Space.Compact>
              ) : (
                <Input size="small" status={l.reason.trim() ? undefined : 'error'} placeholder="拒收原因（必填）" value={l.reason} onChange={(e) => set(l.item.id, { reason: e.target.value })} data-testid={`reason-${l.item.code}`} />
              ),
          },
          { title: '', width: 50, render: (_, l) => <Button size="small" type="link" onClick={() => setLines((ls) => ls.filter((x) => x !== l))}>移除</Button> },
        ]}
      />
      <Row gutter={12} style={{ marginTop: 12 }} align="middle">
        <Col flex="auto">
          {witnessNeeded && (
            <Space>
              <Typography.Text type="warning">现金/贵重物品须双人见证：</Typography.Text>
              <Input size="small" placeholder="见证人账号" style={{ width: 130 }} value={witness.username} onChange={(e) => setWitness({ ...witness, username: e.target.value })} data-testid="witness-user" />
              <Input.Password size="small" placeholder="见证人密码" style={{ width: 150 }} value={witness.password} onChange={(e) => setWitness({ ...witness, password: e.target.value })} data-testid="witness-password" autoComplete="off" />
            </Space>
          )}
        </Col>
        <Col>
          <Typography.Text style={{ marginRight: 12 }}>接收 {accepted.length} 件，拒收 {refused.length} 件</Typography.Text>
          <Button type="primary" icon={<CheckOutlined />} disabled={!lines.length} loading={busy} onClick={() => void submit()} data-testid="intake-submit">确认入库</Button>
        </Col>
      </Row>
      {result && (
        <>
          <PrintDialog open={printing === 'receipt'} withStock={false} title="打印入库回执" summary={`入库回执：${result.accepted.length} 件物品`} onClose={() => setPrinting(null)} render={() => call('intake.receipt', { itemIds: result.accepted.map((i) => i.id) })} />
          <PrintDialog open={printing === 'labels'} title="打印物品标签" summary={`共 ${result.accepted.length} 件物品`} onClose={() => setPrinting(null)} render={(stock, onProgress) => jobFile({ kind: 'label.items', itemIds: result.accepted.map((i) => i.id), stock }, onProgress)} />
        </>
      )}
    </Card>
  );
}
