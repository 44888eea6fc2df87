/**
 * 申请调用 / 移送 / 发还 / 处置 / 调拨: a case officer picks items (search or scan) and fills in the kind's fields.
 * Opened from a case page (?caseId=), every item of the case the agency may list for this kind is preselected.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Segmented, Space, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ItemDto } from '@shared/api/item.contract';
import type { RequestCreateInput } from '@shared/api/request.contract';
import { REQUEST_KINDS, REQUEST_KIND_LABELS, type RequestKind } from '@shared/domain/requests';
import { call } from '../../api/client';
import { useAction, useErrorToast } from '../../components/use-action';
import { useSession } from '../../app/session';
import { pickProblem, problemSummary } from './pick-rules';
import { ItemPicker } from './ItemPicker';
import { LegalBasisField, RequestKindFields, type RequestFormValues } from './RequestKindFields';
import { notifyInboxChanged } from './request-ui';
import { PartialFields, partialInput, type PartialMap } from './PartialFields';

const TITLES: Record<RequestKind, string> = {
  loan: '申请调用',
  transfer: '申请移送',
  return: '申请发还',
  disposition: '申请处置',
  allocation: '申请调拨',
};

function toInput(kind: RequestKind, v: RequestFormValues, itemIds: number[], partial?: Array<{ itemId: number; quantity: number }>): RequestCreateInput {
  const common = { itemIds, reason: v.reason, legalBasis: v.legalBasis || undefined, ...(partial?.length ? { partial } : {}) };
  switch (kind) {
    case 'loan':
      return {
        kind,
        ...common,
        purpose: v.purpose!,
        dueAt: v.dueAt!.toISOString(),
        borrower: v.borrowerName ? { name: v.borrowerName, idNo: v.borrowerIdNo || undefined } : undefined,
      };
    case 'transfer':
      return { kind, ...common, legalBasis: v.legalBasis ?? '', toAgencyId: v.toAgencyId!, mode: v.mode!, receiveIntoCentre: v.mode === 'physical' ? !!v.receiveIntoCentre : undefined };
    case 'return':
      return {
        kind,
        ...common,
        legalBasis: v.legalBasis ?? '',
        claimant: { name: v.claimantName ?? '', idType: v.claimantIdType, idNo: v.claimantIdNo || undefined, authorisationDocNo: v.authorisationDocNo || undefined },
      };
    case 'disposition':
      return { kind, ...common, legalBasis: v.legalBasis ?? '', method: v.method!, early: v.early || undefined };
    case 'allocation':
      return { kind, ...common, toLocationId: v.toLocationId! };
  }
}

export function NewRequestPage({ initialKind, fixed }: { initialKind: RequestKind; fixed?: boolean }) {
  const [params, setParams] = useSearchParams();
  const fromParam = params.get('kind') as RequestKind | null;
  const kind: RequestKind = !fixed && fromParam && REQUEST_KINDS.includes(fromParam) ? fromParam : initialKind;
  const [items, setItems] = useState<ItemDto[]>([]);
  const [partial, setPartial] = useState<PartialMap>({});
  const takesPart = kind === 'return' || kind === 'disposition';
  const [form] = Form.useForm<RequestFormValues>();
  const { run, busy, message } = useAction();
  const nav = useNavigate();
  const { user } = useSession();
  const toastError = useErrorToast();
  const caseId = Number(params.get('caseId')) || undefined;
  const [caseItems, setCaseItems] = useState<ItemDto[] | null>(null);
  useEffect(() => {
    setCaseItems(null);
    if (caseId) void call('item.list', { caseId, limit: 500 }).then((r) => setCaseItems(r.rows)).catch(toastError);
  }, [caseId, toastError]);
  // Whole-case request: preselect what may be listed for this kind (again when the kind changes).
  useEffect(() => {
    if (caseItems) setItems(caseItems.filter((i) => !pickProblem(i, user.agencyId, kind)));
  }, [caseItems, kind, user.agencyId]);
  const preselected = caseItems ? caseItems.filter((i) => !pickProblem(i, user.agencyId, kind)).length : 0;
  const notEligible = caseItems ? problemSummary(caseItems, user.agencyId, kind) : '';

  const submit = async (v: RequestFormValues) => {
    if (!items.length) {
      void message.error('请先选择物品：扫描条码或在列表中点击「加入」');
      return;
    }
    const parts = takesPart ? partialInput(items, partial) : [];
    if (takesPart && items.some((i) => i.id in partial && partial[i.id] == null)) {
      void message.error('勾选了「部分」的物品须填写数量');
      return;
    }
    const r = await run(() => call('request.create', toInput(kind, v, items.map((i) => i.id), parts)), { progress: '正在提交申请…' });
    if (!r) return;
    notifyInboxChanged();
    nav(`/requests/${r.id}`, { state: { created: true } });
  };

  return (
    <Card
      size="small"
      title={<span data-testid="page-title">{TITLES[kind]}</span>}
      extra={
        !fixed && (
          <Segmented
            data-testid="kind-switch"
            value={kind}
            options={REQUEST_KINDS.map((k) => ({ value: k, label: REQUEST_KIND_LABELS[k] }))}
            onChange={(k) => {
              setParams(caseId ? { kind: String(k), caseId: String(caseId) } : { kind: String(k) });
              form.resetFields();
            }}
          />
        )
      }
    >
      {kind === 'loan' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={
            <>
              逐件扫码申请调用更快：<Link to="/loan-request">打开「申请调用」</Link>。也可在此查找物品后提交。
            </>
          }
        />
      )}
      {kind === 'transfer' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title="权属移交、实物不动：审批后由接收单位在线确认，物品留在原库位；实物移送：审批后由保管员扫描出库，接收单位确认后扫描入库。"
        />
      )}
      {caseId && caseItems && (
        <Alert
          type={preselected ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="case-preselect"
          title={
            <>
              本案 {caseItems[0]?.caseNo ?? ''} 共 {caseItems.length} 件物品，已预选可{REQUEST_KIND_LABELS[kind]}的 {preselected} 件
              {notEligible && `；不可选：${notEligible}`}。可在下方移除不需要的物品。
            </>
          }
        />
      )}
      <Row gutter={16}>
        <Col span={13}>
          <ItemPicker value={items} onChange={setItems} kind={kind} caseId={caseId} />
        </Col>
        <Col span={11}>
          <Form<RequestFormValues>
            form={form}
            layout="vertical"
            key={kind}
            onFinish={submit}
            initialValues={{
              purpose: 'appraisal',
              dueAt: dayjs().add(7, 'day').hour(17).minute(0).second(0),
              mode: 'paper',
              receiveIntoCentre: true,
              method: undefined,
              claimantIdType: 'resident_id',
            }}
          >
            <RequestKindFields kind={kind} />
            {takesPart && <PartialFields items={items} value={partial} onChange={setPartial} />}
            <LegalBasisField kind={kind} />
            <Form.Item label="申请事由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写申请事由' }]}>
              <Input.TextArea data-testid="f-reason" rows={3} maxLength={1000} showCount placeholder="说明为何需要办理，如 送鉴定中心做价格鉴定" />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={busy} data-testid="submit-request">
                提交申请
              </Button>
              <Typography.Text type="secondary">提交后由本单位审批人审批；本人不能审批自己的申请。</Typography.Text>
            </Space>
          </Form>
        </Col>
      </Row>
    </Card>
  );
}
