/** The fields that differ per request kind (loan, transfer, return, disposition, allocation). */
import { useEffect, useState } from 'react';
import { Checkbox, DatePicker, Form, Input, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AgencyDto, LocationDto } from '@shared/api/admin.contract';
import {
  CLAIMANT_ID_TYPES,
  CLAIMANT_ID_TYPE_LABELS,
  DISPOSITION_METHODS,
  DISPOSITION_METHOD_LABELS,
  LOAN_PURPOSES,
  LOAN_PURPOSE_LABELS,
  TRANSFER_MODES,
  TRANSFER_MODE_LABELS,
  type ClaimantIdType,
  type DispositionMethod,
  type LoanPurpose,
  type RequestKind,
  type TransferMode,
} from '@shared/domain/requests';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { useErrorToast } from '../../components/use-action';

export type RequestFormValues = {
  reason: string;
  legalBasis?: string;
  purpose?: LoanPurpose;
  dueAt?: Dayjs;
  borrowerName?: string;
  borrowerIdNo?: string;
  toAgencyId?: number;
  mode?: TransferMode;
  receiveIntoCentre?: boolean;
  claimantName?: string;
  claimantIdType?: ClaimantIdType;
  claimantIdNo?: string;
  authorisationDocNo?: string;
  method?: DispositionMethod;
  early?: boolean;
  toLocationId?: number;
};

const opts = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));
const req = (message: string) => [{ required: true, message }];

export function LegalBasisField({ kind }: { kind: RequestKind }) {
  const hint: Record<RequestKind, string> = {
    loan: '如 鉴定委托书编号（可不填）',
    transfer: '如 起诉意见书 滨公诉字〔2026〕12号 / 起诉书编号',
    return: '如 发还决定书 / 判决书编号',
    disposition: '如 判决书 (2026)鲁16刑初5号 / 不起诉决定书编号',
    allocation: '如 调拨通知编号（可不填）',
  };
  const required = kind === 'transfer' || kind === 'return' || kind === 'disposition';
  return (
    <Form.Item label="法律依据（文书编号）" name="legalBasis" rules={required ? req('请填写法律依据，如文书编号') : []}>
      <Input data-testid="f-legal-basis" placeholder={hint[kind]} maxLength={300} />
    </Form.Item>
  );
}

export function RequestKindFields({ kind }: { kind: RequestKind }) {
  const toastError = useErrorToast();
  const { user } = useSession();
  const [agencies, setAgencies] = useState<AgencyDto[]>([]);
  const [locations, setLocations] = useState<LocationDto[]>([]);
  const form = Form.useFormInstance<RequestFormValues>();
  const mode = Form.useWatch('mode', form);
  useEffect(() => {
    if (kind === 'transfer') void call('agency.list', {}).then(setAgencies).catch(toastError);
    if (kind === 'allocation') void call('location.list', {}).then(setLocations).catch(toastError);
  }, [kind, toastError]);

  if (kind === 'loan')
    return (
      <>
        <Space size="large" wrap>
          <Form.Item label="调用用途" name="purpose" rules={req('请选择调用用途')}>
            <Select data-testid="f-purpose" style={{ width: 160 }} options={opts(LOAN_PURPOSES, LOAN_PURPOSE_LABELS)} />
          </Form.Item>
          <Form.Item label="归还期限" name="dueAt" rules={req('请选择归还期限')}>
            <DatePicker data-testid="f-due-at" showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 190 }} />
          </Form.Item>
          <Form.Item label="借用人" name="borrowerName" tooltip="不填则为申请人本人">
            <Input data-testid="f-borrower" placeholder={user.displayName} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label="借用人证件/警号" name="borrowerIdNo">
            <Input data-testid="f-borrower-id" placeholder={user.badgeNo ?? ''} style={{ width: 160 }} />
          </Form.Item>
        </Space>
      </>
    );
  if (kind === 'transfer')
    return (
      <Space size="large" wrap align="start">
        <Form.Item label="接收单位" name="toAgencyId" rules={req('请选择接收单位')}>
          <Select
            data-testid="f-to-agency"
            style={{ width: 240 }}
            placeholder="选择接收单位"
            options={agencies.filter((a) => a.id !== user.agencyId).map((a) => ({ value: a.id, label: a.name }))}
          />
        </Form.Item>
        <Form.Item label="移送方式" name="mode" rules={req('请选择移送方式')}>
          <Radio.Group data-testid="f-mode" options={opts(TRANSFER_MODES, TRANSFER_MODE_LABELS)} />
        </Form.Item>
        {mode === 'physical' && (
          <Form.Item label=" " colon={false} name="receiveIntoCentre" valuePropName="checked">
            <Checkbox>接收后仍存放本中心库房（扫描入库）</Checkbox>
          </Form.Item>
        )}
      </Space>
    );
  if (kind === 'return')
    return (
      <Space size="middle" wrap>
        <Form.Item label="领取人姓名" name="claimantName" rules={req('请填写领取人姓名')}>
          <Input data-testid="f-claimant-name" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="证件类型" name="claimantIdType">
          <Select data-testid="f-claimant-id-type" style={{ width: 150 }} allowClear options={opts(CLAIMANT_ID_TYPES, CLAIMANT_ID_TYPE_LABELS)} />
        </Form.Item>
        <Form.Item label="证件号码" name="claimantIdNo">
          <Input data-testid="f-claimant-id-no" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="或 授权委托书编号" name="authorisationDocNo">
          <Input data-testid="f-authorisation" style={{ width: 200 }} />
        </Form.Item>
      </Space>
    );
  if (kind === 'disposition')
    return (
      <>
        <Form.Item label="处置方式" name="method" rules={req('请选择处置方式')} extra="没收上缴和拍卖/变卖须在判决或裁定生效（案件进入执行阶段）之后">
          <Radio.Group data-testid="f-method" options={opts(DISPOSITION_METHODS, DISPOSITION_METHOD_LABELS)} />
        </Form.Item>
        <Form.Item name="early" valuePropName="checked" extra="判决前先行变卖/拍卖，只适用于标记为易腐或易贬值的物品，须经审批；请在事由中写明理由">
          <Checkbox data-testid="f-early">先行处置（易腐、易贬值物品）</Checkbox>
        </Form.Item>
      </>
    );
  return (
    <Form.Item label="目标库位" name="toLocationId" rules={req('请选择目标库位')}>
      <Select
        data-testid="f-to-location"
        showSearch
        optionFilterProp="label"
        style={{ width: 360 }}
        options={locations.filter((l) => l.active).map((l) => ({ value: l.id, label: `${l.code} ${l.path}` }))}
      />
    </Form.Item>
  );
}
