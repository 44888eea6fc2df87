/** 调用归还: scan returning items, record each one's condition (完好/损坏/短少/调换/遗失), check them in. */
import { useState } from 'react';
import { Alert, Button, Input, Select, Space, Table, Typography } from 'antd';
import type { ItemDto } from '@shared/api/item.contract';
import { RETURN_CONDITIONS, RETURN_CONDITION_LABELS, type ReturnCondition } from '@shared/domain/requests';
import { ITEM_STATUS_LABELS } from '@shared/domain/enums';
import { call, callQuiet } from '../../api/client';
import { useAction, errorText } from '../../components/use-action';
import { ScanBox } from '../../components/ScanBox';
import { beepOk, scanError } from '../../scanner';
import { isCashOrValuable, WitnessInline, witnessOrNone, type WitnessCreds } from '../../components/WitnessInline';

type Line = { item: ItemDto; condition: ReturnCondition; note: string };

export function LoanCheckin({ active }: { active: boolean }) {
  const [lines, setLines] = useState<Line[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [witness, setWitness] = useState<WitnessCreds>({ username: '', password: '' });
  const { run, busy, message } = useAction();

  const onCode = async (code: string) => {
    if (!active) return false;
    if (lines.some((l) => l.item.code === code)) return scanError(`物品 ${code} 已扫描`);
    try {
      const item = await callQuiet('item.byCode', { code });
      if (item.status !== 'ON_LOAN') return scanError(`物品 ${code}（${item.name}）当前状态为「${ITEM_STATUS_LABELS[item.status]}」，不是调用在外的物品`);
      beepOk();
      setDone(null);
      setLines((ls) => [{ item, condition: 'fine', note: '' }, ...ls]);
    } catch (e) {
      scanError(errorText(e).title);
    }
  };
  const set = (id: number, patch: Partial<Line>) => setLines((ls) => ls.map((l) => (l.item.id === id ? { ...l, ...patch } : l)));

  const submit = async () => {
    const noNote = lines.find((l) => l.condition !== 'fine' && !l.note.trim());
    if (noNote) return void message.error(`${noNote.item.code}（${noNote.item.name}）归还状况为「${RETURN_CONDITION_LABELS[noNote.condition]}」，请填写说明`);
    const w = witnessOrNone(witness);
    const scans = lines.map((l) => ({ code: l.item.code, condition: l.condition, note: l.note.trim() || undefined }));
    const r = await run(() => call('loan.checkIn', { scans, ...(w ? { witness: w } : {}) }), { progress: '正在办理归还…' });
    if (r) {
      setWitness({ username: '', password: '' });
      setDone(`已归还 ${r.items.length} 件（${r.requests.map((q) => q.requestNo).join('、')}）`);
      setLines([]);
    }
  };

  return (
    <div>
      <ScanBox onCode={onCode} claim={active} placeholder="扫描归还物品的条码" testId="checkin-scan" />
      {done && <Alert type="success" showIcon title={done} style={{ marginTop: 8 }} />}
      <Table<Line>
        style={{ marginTop: 8 }}
        size="small"
        rowKey={(l) => l.item.id}
        dataSource={lines}
        pagination={false}
        scroll={{ y: 320 }}
        locale={{ emptyText: '请扫描归还的物品' }}
        columns={[
          { title: '物品编码', width: 200, render: (_, l) => <Typography.Text code>{l.item.code}</Typography.Text> },
          { title: '名称', render: (_, l) => l.item.name },
          { title: '借用人', width: 120, render: (_, l) => l.item.outWith ?? '—' },
          { title: '调用单', width: 150, render: (_, l) => l.item.openRequestNo ?? '—' },
          {
            title: '归还状况',
            width: 120,
            render: (_, l) => (
              <Select size="small" style={{ width: 100 }} value={l.condition} onChange={(v) => set(l.item.id, { condition: v })} data-testid={`return-condition-${l.item.code}`}
                options={RETURN_CONDITIONS.map((c) => ({ value: c, label: RETURN_CONDITION_LABELS[c] }))} />
            ),
          },
          { title: '说明', width: 240, render: (_, l) => <Input size="small" value={l.note} status={l.condition !== 'fine' && !l.note.trim() ? 'error' : undefined} placeholder={l.condition === 'fine' ? '' : '请说明情况（必填）'} onChange={(e) => set(l.item.id, { note: e.target.value })} data-testid={`return-note-${l.item.code}`} /> },
          { title: '', width: 56, render: (_, l) => <Button size="small" type="link" onClick={() => setLines((ls) => ls.filter((x) => x !== l))}>移除</Button> },
        ]}
      />
      {lines.some((l) => isCashOrValuable(l.item)) && (
        <div style={{ marginTop: 8 }}>
          <WitnessInline what="本次归还入库" value={witness} onChange={setWitness} />
        </div>
      )}
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" disabled={!lines.length} loading={busy} onClick={() => void submit()} data-testid="checkin-submit">确认归还入库（{lines.length} 件）</Button>
      </Space>
    </div>
  );
}
