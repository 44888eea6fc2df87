/**
 * 登记: the case (a custodian first picks the case unit the items are registered for; a case officer registers for his
 * own agency's cases), one seizure list entered as rows, register; then labels and photos.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, DatePicker, Form, Input, Modal, Row, Select, Space, Table, Typography } from 'antd';
import { CameraOutlined, PrinterOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import type { CaseDto, ItemDto } from '@shared/api/item.contract';
import type { AgencyDto } from '@shared/api/admin.contract';
import { CASE_UNIT_KINDS, ITEM_CATEGORY_LABELS } from '@shared/domain/enums';
import { call } from '../../api/client';
import { jobFile } from '../../api/jobs';
import { useCan, useSession } from '../../app/session';
import { useAction } from '../../components/use-action';
import { PrintDialog } from '../../components/PrintDialog';
import { PhotoPanel } from '../../components/PhotoPanel';
import { fmtQty } from '../../components/labels';
import { CasePicker } from './CasePicker';
import { BatchItemTable } from './BatchItemTable';
import { blankItem, checkRows, toItemInputs, type DraftItem, type RowErrors } from './draft-item';

type Header = { unitId?: number; kase: CaseDto | null; seizureDocNo: string; seizedAt: Dayjs; seizedBy: string };

export function RegisterPage() {
  const { user } = useSession();
  const can = useCan();
  // 办案与保管相分离: a case officer registers for his own agency's cases (and may create one); a custodian registers on
  // behalf of a case unit, chosen first, and the items are held by that unit.
  const officer = can('case.write');
  const { message } = AntApp.useApp();
  const [rows, setRows] = useState<DraftItem[]>(() => [blankItem()]);
  const [selected, setSelected] = useState(rows[0]!.key);
  const [rowErrors, setRowErrors] = useState<RowErrors>({});
  const [units, setUnits] = useState<AgencyDto[]>([]);
  const [done, setDone] = useState<{ kase: CaseDto; items: ItemDto[] } | null>(null);
  const [printing, setPrinting] = useState(false);
  const [photoItem, setPhotoItem] = useState<ItemDto | null>(null);
  const [form] = Form.useForm<Header>();
  const unitId = Form.useWatch('unitId', form);
  const { run, busy } = useAction();

  useEffect(() => {
    if (!officer) void run(() => call('agency.list', {})).then((a) => a && setUnits(a.filter((x) => (CASE_UNIT_KINDS as readonly string[]).includes(x.kind))));
  }, [officer, run]);
  const unitOptions = useMemo(() => units.map((a) => ({ value: a.id, label: a.name })), [units]);

  const changeRows = (next: DraftItem[]) => {
    setRows(next);
    if (Object.keys(rowErrors).length) setRowErrors(checkRows(next));
  };

  const submit = async () => {
    const errs = checkRows(rows);
    setRowErrors(errs);
    const firstBad = rows.find((r) => errs[r.key]);
    if (firstBad) setSelected(firstBad.key);
    let h: Header | null = null;
    try {
      h = await form.validateFields();
    } catch (e) {
      const n = (e as { errorFields?: unknown[] }).errorFields?.length ?? 0;
      const m = Object.values(errs).reduce((s, x) => s + Object.keys(x).length, 0);
      return void message.error(`还有 ${n + m} 处未填写，已在表单中标出`);
    }
    if (firstBad) return void message.error('物品清单中有未填写的项目，已在表中标出');
    const items = toItemInputs(rows);
    const kase = h.kase!;
    const out = await run(
      () => call('item.register', { caseId: kase.id, seizureDocNo: h.seizureDocNo.trim(), seizedAt: h.seizedAt.toISOString(), seizedBy: h.seizedBy.trim(), items }),
      { progress: `正在登记 ${items.length} 件物品，请稍候…` },
    );
    if (out) {
      setDone({ kase, items: out });
      message.success(`已登记 ${out.length} 件物品，24 小时入库时限开始计算`);
    }
  };

  const again = () => {
    setDone(null);
    const first = blankItem();
    setRows([first]);
    setSelected(first.key);
    setRowErrors({});
    form.setFieldsValue({ seizureDocNo: '' });
  };

  if (done) {
    return (
      <Card title={`登记完成：${done.kase.caseNo} 共 ${done.items.length} 件（保管单位：${done.items[0]?.holdingAgencyName ?? ''}）`} extra={<Button onClick={again}>继续登记</Button>}>
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title="物品已登记，请在 24 小时内移交保管中心入库。可打印标签并补充照片。" />
        <Space style={{ marginBottom: 12 }}>
          {can('custody.handle') ? (
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => setPrinting(true)}>打印标签</Button>
          ) : (
            <Typography.Text type="secondary">标签由保管员在入库时打印。</Typography.Text>
          )}
        </Space>
        <Table<ItemDto>
          size="small"
          rowKey="id"
          dataSource={done.items}
          pagination={false}
          scroll={{ y: 380 }}
          data-testid="registered-items"
          columns={[
            { title: '物品编码', dataIndex: 'code', width: 200, render: (c: string, r) => <Link to={`/items/${r.id}`}>{c}</Link> },
            { title: '名称', dataIndex: 'name' },
            { title: '类别', dataIndex: 'category', width: 100, render: (c: ItemDto['category']) => ITEM_CATEGORY_LABELS[c] },
            { title: '数量 / 金额', width: 130, render: (_, r) => fmtQty(r) },
            { title: '照片', width: 110, render: (_, r) => <Button size="small" icon={<CameraOutlined />} onClick={() => setPhotoItem(r)}>添加照片</Button> },
          ]}
        />
        <PrintDialog open={printing} title="打印物品标签" summary={`共 ${done.items.length} 件物品`} onClose={() => setPrinting(false)} render={(stock, onProgress) => jobFile({ kind: 'label.items', itemIds: done.items.map((i) => i.id), stock }, onProgress)} />
        <Modal open={!!photoItem} title={`照片：${photoItem?.code ?? ''} ${photoItem?.name ?? ''}`} footer={null} onCancel={() => setPhotoItem(null)} width={640} destroyOnHidden>
          {photoItem && <PhotoPanel itemId={photoItem.id} canAdd />}
        </Modal>
      </Card>
    );
  }

  const filled = rows.filter((r) => r.name.trim()).length;
  return (
    <Card title="登记涉案财物" size="small" styles={{ body: { paddingTop: 8, paddingBottom: 8 } }}>
      <Form
        form={form}
        layout="vertical"
        size="small"
        initialValues={{ kase: null, seizedAt: dayjs(), seizedBy: user.displayName }}
        requiredMark
        onValuesChange={(ch: Partial<Header>) => {
          if ('unitId' in ch) form.setFieldValue('kase', null);
        }}
      >
        <Row gutter={12}>
          {!officer && (
            <Col span={7}>
              <Form.Item style={{ marginBottom: 10 }} label="案件单位（物品由该单位持有）" name="unitId" rules={[{ required: true, message: '请选择案件单位' }]}>
                <Select data-testid="case-unit" showSearch={{ optionFilterProp: 'label' }} placeholder="公安、检察院或法院" options={unitOptions} />
              </Form.Item>
            </Col>
          )}
          <Col span={officer ? 24 : 17}>
            <Form.Item style={{ marginBottom: 10 }} label="案件" name="kase" rules={[{ required: true, message: '请选择案件' }]}>
              <CasePicker hostAgencyId={officer ? user.agencyId : unitId} allowCreate={officer} />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item style={{ marginBottom: 10 }} label="扣押清单/决定书编号" name="seizureDocNo" rules={[{ required: true, whitespace: true, message: '请填写文书编号' }]}>
              <Input data-testid="seizure-doc-no" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item style={{ marginBottom: 10 }} label="扣押时间" name="seizedAt" rules={[{ required: true, message: '请选择扣押时间' }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item style={{ marginBottom: 10 }} label="扣押人" name="seizedBy" rules={[{ required: true, whitespace: true, message: '请填写扣押人' }]}>
              <Input data-testid="seized-by" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <BatchItemTable rows={rows} onChange={changeRows} errors={rowErrors} selected={selected} onSelect={setSelected} />
      <div style={{ marginTop: 8, textAlign: 'right' }}>
        <Typography.Text type="secondary" style={{ marginRight: 12 }}>已填写 {filled} 件</Typography.Text>
        <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void submit()} data-testid="register-submit">
          登记
        </Button>
      </div>
    </Card>
  );
}
