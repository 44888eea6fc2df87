/**
 * Execution by scanning (custodian): every listed item must be scanned. The list ticks off as codes arrive;
 * 漏扫 (missing), 多扫 (extra) and wrong-status items show at once, and the service's refusal lists each problem.
 * 发还, 处置 and 实物移送 are irreversible: 提交执行 (or Enter in a field) only opens a confirmation listing what will
 * happen; the execution runs from that dialog's button. The scan result and the button sit in a bar that stays in view.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, App as AntApp, Button, Col, DatePicker, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { ItemDto } from '@shared/api/item.contract';
import type { LocationDto } from '@shared/api/admin.contract';
import type { RequestDto } from '@shared/api/request.contract';
import { CLAIMANT_ID_TYPE_LABELS, DISPOSITION_METHOD_LABELS } from '@shared/domain/requests';
import { call, callQuiet } from '../../api/client';
import { ScanBox } from '../../components/ScanBox';
import { clearStaleErrors, errorText } from '../../components/use-action';
import { useConfirmIrreversible } from '../../components/confirm-irreversible';
import { beepOk, scanError } from '../../scanner';
import { useSession } from '../../app/session';
import { scanState, type ScanMode } from './scan-check';
import { WitnessFields, witnessInput, type WitnessValue } from './WitnessFields';
import { notifyInboxChanged } from './request-ui';
import { executeConfirmSpec } from './request-confirm';
import { DispositionValueFields, valueInput, type ValueFieldValues } from './DispositionValueFields';

type Values = ValueFieldValues & {
  conditionOut?: string;
  counterpartName?: string;
  counterpartIdNo?: string;
  actualDate?: Dayjs;
  claimantIdCheck?: string;
  witnesses?: WitnessValue[];
  locationId?: number;
  note?: string;
};
type Extra = { code: string; label: string };

export function ExecutePanel({ r, mode, onDone }: { r: RequestDto; mode: ScanMode; onDone(next: RequestDto): void }) {
  const { user } = useSession();
  const [codes, setCodes] = useState<string[]>([]);
  const [extras, setExtras] = useState<Extra[]>([]);
  const [failure, setFailure] = useState<{ title: string; details: string[] } | null>(null);
  const [locations, setLocations] = useState<LocationDto[]>([]);
  const [form] = Form.useForm<Values>();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const confirm = useConfirmIrreversible();
  const confirming = useRef(false);
  const irreversible = mode === 'execute' && (r.kind === 'return' || r.kind === 'disposition' || r.kind === 'transfer');
  const st = useMemo(() => scanState(r, mode, codes), [r, mode, codes]);
  const byCode = useMemo(() => new Map(st.listed.map((i) => [i.code, i])), [st.listed]);
  const cash = st.listed.some((i) => i.category === 'cash' || i.flags.includes('cash'));
  // Cash and valuables on loan: one witness confirming by password (two-person rule).
  const loanWitness = mode === 'execute' && r.kind === 'loan' && st.listed.some((i) => cash || i.category === 'valuables' || i.flags.includes('valuable'));
  const needWitnesses = mode === 'execute' && (r.kind === 'disposition' || (r.kind === 'return' && cash) || loanWitness);
  const credentials = r.details.method === 'destroy' || cash || loanWitness;
  const claimant = r.details.claimant;

  useEffect(() => {
    if (mode === 'receiveIn') void call('location.list', {}).then((l) => setLocations(l.filter((x) => x.active && x.kind !== 'warehouse' && x.kind !== 'store')));
  }, [mode]);

  const onScan = async (raw: string) => {
    const code = raw.trim();
    if (codes.includes(code) || extras.some((e) => e.code === code)) {
      scanError(`重复扫描：${code} 已扫过`);
      return;
    }
    if (byCode.has(code)) {
      beepOk();
      setCodes((c) => [...c, code]);
      setFailure(null);
      return;
    }
    const hit = await callQuiet('scan.resolve', { code }).catch(() => null);
    const label = hit && hit.kind === 'item' ? hit.label : hit && hit.kind !== 'unknown' ? `${hit.label}（不是物品）` : '未知编码，不是已登记的物品';
    scanError(`多扫：${code} ${label}，不在申请单 ${r.requestNo} 中`);
    setExtras((e) => [...e, { code, label }]);
  };

  const submit = async (v: Values) => {
    if (r.kind === 'return' && mode === 'execute' && claimant?.idNo && v.claimantIdCheck?.trim() !== claimant.idNo) {
      setFailure({ title: '领取人证件号码与申请单登记的不一致，不能发还', details: [`登记：${claimant.idNo}`, `核对：${v.claimantIdCheck ?? '（未填）'}`] });
      return;
    }
    const scannedCodes = [...codes, ...extras.map((e) => e.code)];
    if (!scannedCodes.length) {
      setFailure({ title: '请先扫描物品条码', details: [] });
      return;
    }
    const counterpart = v.counterpartName ? { name: v.counterpartName, idNo: v.counterpartIdNo || undefined } : undefined;
    // When the scan check already fails, the service refuses and lists each problem: nothing to confirm.
    const clean = st.missing.length === 0 && extras.length === 0 && st.wrong.length === 0;
    if (irreversible && clean) {
      if (confirming.current) return; // a second Enter while the dialog opens: one dialog is enough
      const spec = executeConfirmSpec(r, st.listed, { ...v, witnesses: needWitnesses ? v.witnesses : undefined, executor: user.displayName });
      confirming.current = true;
      const ok = await confirm(spec).finally(() => (confirming.current = false));
      if (!ok) return;
    }
    const fn =
      mode === 'receiveIn'
        ? () => callQuiet('request.receiveIn', { id: r.id, scannedCodes, locationId: v.locationId, note: v.note || undefined })
        : () =>
            callQuiet('request.execute', {
              id: r.id,
              scannedCodes,
              conditionOut: v.conditionOut || undefined,
              counterpart,
              witnesses: needWitnesses ? witnessInput(v.witnesses) : undefined,
              actualDate: v.actualDate ? v.actualDate.toISOString() : undefined,
              ...(r.kind === 'disposition' ? valueInput(r.details.method, v) : {}),
              note: v.note || undefined,
            });
    setFailure(null);
    setBusy(true);
    try {
      const next = await fn();
      clearStaleErrors(message);
      void message.success(mode === 'receiveIn' ? `${r.requestNo} 已扫描入库` : `${r.requestNo} 已执行`);
      notifyInboxChanged();
      onDone(next);
    } catch (e) {
      setFailure(errorText(e));
      scanError(errorText(e).title);
    } finally {
      setBusy(false);
    }
  };

  // Enter in a field (the date, a name…) never executes: it goes through submit, which asks for confirmation first.
  const onFieldEnter = (e: KeyboardEvent<HTMLFormElement>) => {
    const t = e.target as HTMLElement;
    if (e.key !== 'Enter' || !(t instanceof HTMLInputElement) || t.closest('.ant-select')) return;
    e.preventDefault();
    if (!busy) form.submit();
  };

  const rowState = (it: ItemDto) => {
    const problem = st.wrong.find((w) => w.item.id === it.id)?.problem;
    if (problem) return <Tag color="red" icon={<ExclamationCircleFilled />}>状态不符：{problem}</Tag>;
    return st.scanned.has(it.code) ? (
      <Tag color="green" icon={<CheckCircleFilled />}>已扫描</Tag>
    ) : (
      <Tag color="orange">待扫描</Tag>
    );
  };

  return (
    <div data-testid="execute-panel">
      <Row gutter={16}>
        <Col span={14}>
          <ScanBox onCode={onScan} placeholder="逐件扫描申请单上的物品" testId="exec-scan" />
          <Table<ItemDto>
            style={{ marginTop: 8 }}
            data-testid="exec-items"
            size="small"
            rowKey="id"
            dataSource={st.listed}
            pagination={false}
            scroll={{ y: 230 }}
            rowClassName={(it) => (st.scanned.has(it.code) ? 'row-scanned' : '')}
            columns={[
              { title: '编码', dataIndex: 'code', width: 170 },
              { title: '名称', dataIndex: 'name', ellipsis: true },
              { title: '库位', width: 150, ellipsis: true, render: (_, it) => it.locationPath ?? it.outWith ?? '—' },
              { title: '核对', width: 200, render: (_, it) => <span data-testid={`state-${it.code}`}>{rowState(it)}</span> },
            ]}
          />
          {extras.length > 0 && (
            <Alert
              type="error"
              style={{ marginTop: 8 }}
              data-testid="extra-list"
              title="多扫（不在本申请单中，请移出或取走）"
              description={extras.map((e) => (
                <div key={e.code}>
                  {e.code} {e.label}{' '}
                  <Button size="small" type="link" icon={<CloseCircleOutlined />} onClick={() => setExtras((x) => x.filter((y) => y.code !== e.code))}>
                    移除
                  </Button>
                </div>
              ))}
            />
          )}
        </Col>
        <Col span={10}>
          <Form<Values> form={form} layout="vertical" onFinish={submit} onKeyDown={onFieldEnter} initialValues={{ actualDate: dayjs(), conditionOut: '完好' }}>
            {mode === 'execute' && r.kind === 'loan' && (
              <Form.Item label="出库时状况" name="conditionOut">
                <Input />
              </Form.Item>
            )}
            {mode === 'execute' && r.kind === 'disposition' && (
              <Typography.Paragraph>
                处置方式：<b>{DISPOSITION_METHOD_LABELS[r.details.method!]}</b>　依据：{r.legalBasis}
              </Typography.Paragraph>
            )}
            {mode === 'execute' && r.kind === 'return' && claimant && (
              <>
                <Typography.Paragraph data-testid="claimant">
                  领取人：<b>{claimant.name}</b>　
                  {claimant.idNo ? `${claimant.idType ? CLAIMANT_ID_TYPE_LABELS[claimant.idType] : '证件'} ${claimant.idNo}` : `授权委托书 ${claimant.authorisationDocNo}`}
                </Typography.Paragraph>
                {claimant.idNo && (
                  <Form.Item label="核对领取人出示的证件号码" name="claimantIdCheck" rules={[{ required: true, message: '请输入领取人出示的证件号码' }]}>
                    <Input data-testid="claimant-id-check" />
                  </Form.Item>
                )}
              </>
            )}
            {mode === 'execute' && (r.kind === 'return' || r.kind === 'disposition') && (
              <Form.Item label="实际执行日期（提交后不可更改）" name="actualDate" rules={[{ required: true, message: '请选择实际执行日期' }]}>
                <DatePicker data-testid="actual-date" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            )}
            {mode === 'execute' && r.kind === 'disposition' && <DispositionValueFields method={r.details.method} />}
            {mode === 'execute' && (r.kind === 'transfer' || (r.kind === 'disposition' && r.details.method === 'hand_over')) && (
              <Space>
                <Form.Item label={r.kind === 'transfer' ? '接收人' : '接收方'} name="counterpartName">
                  <Input data-testid="counterpart-name" style={{ width: 150 }} />
                </Form.Item>
                <Form.Item label="证件/警号" name="counterpartIdNo">
                  <Input style={{ width: 160 }} />
                </Form.Item>
              </Space>
            )}
            {needWitnesses && <WitnessFields credentials={credentials} executor={user.displayName} count={loanWitness ? 1 : 2} />}
            {mode === 'receiveIn' && (
              <Form.Item label="入库库位（不选则放回原库位）" name="locationId">
                <Select allowClear showSearch optionFilterProp="label" options={locations.map((l) => ({ value: l.id, label: `${l.code} ${l.path}` }))} />
              </Form.Item>
            )}
            <Form.Item label="备注" name="note">
              <Input maxLength={500} />
            </Form.Item>
          </Form>
        </Col>
      </Row>
      {/* Sticky: the scan result, the refusal and the button stay in view however long the list and the form are. */}
      <div data-testid="exec-action-bar" style={{ position: 'sticky', bottom: -16, zIndex: 3, background: '#fff', borderTop: '1px solid #e8e8e8', boxShadow: '0 -4px 8px rgba(0,0,0,0.06)', padding: '8px 0 16px', marginTop: 8 }}>
        {failure && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 8, maxHeight: 150, overflow: 'auto' }}
            data-testid="execute-error"
            title={failure.title}
            description={failure.details.length ? <ul style={{ margin: 0, paddingLeft: 18 }}>{failure.details.map((d, i) => <li key={i}>{d}</li>)}</ul> : undefined}
          />
        )}
        <Space size="large" wrap>
          <Button type="primary" size="large" loading={busy} data-testid="execute-submit" onClick={() => form.submit()}>
            {mode === 'receiveIn' ? '确认入库' : irreversible ? '提交执行…' : '提交执行'}
          </Button>
          <Typography.Text strong data-testid="scan-progress" style={{ fontSize: 16 }}>
            已扫 {st.listed.length - st.missing.length} / {st.listed.length}
          </Typography.Text>
          {st.missing.length > 0 && <Tag color="orange" data-testid="missing-count">漏扫 {st.missing.length} 件</Tag>}
          {extras.length > 0 && <Tag color="red" data-testid="extra-count">多扫 {extras.length} 件</Tag>}
          {st.wrong.length > 0 && <Tag color="red">状态不符 {st.wrong.length} 件</Tag>}
          {st.missing.length === 0 && extras.length === 0 && st.wrong.length === 0 && st.listed.length > 0 && (
            <Tag color="green" icon={<CheckCircleFilled />} data-testid="scan-complete">已全部扫描核对</Tag>
          )}
          {irreversible && <Typography.Text type="secondary">提交前会列出本次执行的内容，请核对后确认。</Typography.Text>}
        </Space>
      </div>
    </div>
  );
}
