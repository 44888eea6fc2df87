/** Execution of a sale or a confiscation: the price, buyer and 成交确认书, or the receiving unit and the voucher. */
import { Form, Input, InputNumber, Space } from 'antd';
import type { MethodInput } from '@shared/api/contract';
import type { DispositionMethod } from '@shared/domain/requests';

export type ValueFieldValues = { salePrice?: number; saleBuyer?: string; saleConfirmationNo?: string; receivingUnit?: string; voucherNo?: string };
type Exec = MethodInput<'request.execute'>;

const req = (message: string) => [{ required: true, message }];

export function DispositionValueFields({ method }: { method: DispositionMethod | undefined }) {
  if (method === 'sell')
    return (
      <Space wrap size={[8, 0]}>
        <Form.Item label="成交价款（元）" name="salePrice" rules={req('请填写成交价款')}>
          <InputNumber data-testid="sale-price" min={0.01} max={1e12} precision={2} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item label="买受人或拍卖机构" name="saleBuyer" rules={req('请填写买受人或拍卖机构')}>
          <Input data-testid="sale-buyer" maxLength={100} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="成交确认书编号" name="saleConfirmationNo" rules={req('请填写成交确认书编号')}>
          <Input data-testid="sale-confirmation" maxLength={80} style={{ width: 200 }} />
        </Form.Item>
      </Space>
    );
  if (method === 'confiscate')
    return (
      <Space wrap size={[8, 0]}>
        <Form.Item label="接收单位" name="receivingUnit" rules={req('请填写接收单位')}>
          <Input data-testid="receiving-unit" maxLength={100} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label="上缴凭证/国库缴款书编号" name="voucherNo" rules={req('请填写上缴凭证或国库缴款书编号')}>
          <Input data-testid="voucher-no-input" maxLength={80} style={{ width: 220 }} />
        </Form.Item>
      </Space>
    );
  return null;
}

/** The execution input's sale / confiscation, from the form. */
export function valueInput(method: DispositionMethod | undefined, v: ValueFieldValues): Pick<Exec, 'sale' | 'confiscation'> {
  if (method === 'sell') return { sale: { price: v.salePrice ?? 0, buyer: v.saleBuyer ?? '', confirmationNo: v.saleConfirmationNo ?? '' } };
  if (method === 'confiscate') return { confiscation: { receivingUnit: v.receivingUnit ?? '', voucherNo: v.voucherNo ?? '' } };
  return {};
}
