/** After closing: every discrepancy with its resolution (a note; a shelf for misplaced items; a loss goes for approval). */
import { useState } from 'react';
import { Button, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { DISCREPANCY_KIND_LABELS, DISCREPANCY_STATUS_LABELS, type DiscrepancyDto, type StocktakeDto } from '@shared/api/stocktake.contract';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';
import { useScanHandler } from '../../scanner';

const ACTION: Record<DiscrepancyDto['kind'], string> = {
  MISSING: '报请登记丢失',
  WRONG_LOCATION: '移位到实盘库位',
  UNEXPECTED: '移入盘点库位',
  NOT_IN_STORE: '填写说明',
  UNKNOWN: '填写说明',
};

export function DiscrepancyPanel({ count, onChanged }: { count: StocktakeDto; onChanged(c: StocktakeDto): void }) {
  const { run, busy } = useAction();
  const [editing, setEditing] = useState<DiscrepancyDto | null>(null);
  const [note, setNote] = useState('');
  const [loc, setLoc] = useState('');
  const moves = editing?.kind === 'WRONG_LOCATION' || editing?.kind === 'UNEXPECTED';
  // While the dialog is open a scanned shelf label fills the location.
  useScanHandler((code) => (moves ? void setLoc(code) : false), [moves]);
  const submit = async () => {
    if (!editing || !note.trim()) return;
    const c = await run(() => call('stocktake.resolve', { discrepancyId: editing.id, note: note.trim(), locationCode: moves && loc.trim() ? loc.trim() : undefined }), {
      success: editing.kind === 'MISSING' ? '已报请持有单位审批人审批' : '差异已处理',
    });
    if (!c) return;
    onChanged(c);
    setEditing(null);
  };
  const pending = count.discrepancies.filter((d) => d.status !== 'RESOLVED').length;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        差异（{count.discrepancies.length} 项，待处理 {pending} 项）
      </Typography.Title>
      <Table<DiscrepancyDto>
        rowKey="id"
        size="small"
        data-testid="discrepancies"
        dataSource={count.discrepancies}
        pagination={false}
        scroll={{ y: 280 }}
        columns={[
          { title: '差异', dataIndex: 'kind', width: 130, render: (k: DiscrepancyDto['kind']) => <Tag color={k === 'MISSING' || k === 'UNKNOWN' ? 'red' : 'orange'}>{DISCREPANCY_KIND_LABELS[k]}</Tag> },
          { title: '编码', dataIndex: 'code', width: 170 },
          { title: '物品', dataIndex: 'itemName', width: 100, ellipsis: true },
          { title: '账面 / 实盘', ellipsis: true, render: (_, d) => [d.expectedLocation && `账面：${d.expectedLocation}`, d.foundLocation && `实盘：${d.foundLocation}`].filter(Boolean).join('；') || d.detail },
          { title: '状态', dataIndex: 'status', width: 80, render: (s: DiscrepancyDto['status']) => <Tag color={s === 'RESOLVED' ? 'green' : s === 'PROPOSED' ? 'blue' : 'default'}>{DISCREPANCY_STATUS_LABELS[s]}</Tag> },
          { title: '说明', ellipsis: true, render: (_, d) => [d.note, d.decisionNote && `审批：${d.decisionNote}`].filter(Boolean).join('；') },
          {
            title: '处理',
            width: 140,
            render: (_, d) =>
              d.status === 'OPEN' && (
                <Button size="small" type="primary" ghost data-testid={`resolve-${d.code}`} onClick={() => (setEditing(d), setNote(''), setLoc(''))}>
                  {ACTION[d.kind]}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={editing ? `${DISCREPANCY_KIND_LABELS[editing.kind]}：${editing.code}${editing.itemName ? `（${editing.itemName}）` : ''}` : ''}
        okText={editing ? ACTION[editing.kind] : '确定'}
        okButtonProps={{ disabled: !note.trim() || busy }}
        onOk={() => void submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form layout="vertical">
          {moves && (
            <Form.Item label="放入库位（留空则放在实盘位置）" htmlFor="resolve-loc">
              <Input id="resolve-loc" value={loc} onChange={(e) => setLoc(e.target.value)} placeholder={editing?.foundLocation ?? '扫描货架标签'} />
            </Form.Item>
          )}
          {editing?.kind === 'MISSING' && <Typography.Paragraph type="secondary">报请后由持有单位（{editing.agencyName}）审批人审批，同意后登记丢失。</Typography.Paragraph>}
          <Form.Item label="处理说明" required htmlFor="resolve-note">
            <Input.TextArea id="resolve-note" autoFocus value={note} maxLength={500} rows={3} onChange={(e) => setNote(e.target.value)} onPressEnter={(e) => (e.preventDefault(), void submit())} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
