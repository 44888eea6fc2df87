/** The side panel of the register page: every field of the selected row (the table only shows name, category, amount). */
import { Col, Form, Input, InputNumber, Row, Select, Typography, type FormItemProps } from 'antd';
import { DISCREPANCY_FLAGS, ITEM_FLAGS, ITEM_FLAG_LABELS, ITEM_SOURCES, ITEM_SOURCE_LABELS, type ItemFlag } from '@shared/domain/enums';
import type { DraftItem, RowErrors, RowField } from './draft-item';

type Props = { row: DraftItem; index: number; errors: RowErrors[number] | undefined; onChange(patch: Partial<DraftItem>): void };

/** The 现金 flag follows the category, so it is not offered here. */
const FLAG_OPTIONS = ITEM_FLAGS.filter((f) => f !== 'cash' && !DISCREPANCY_FLAGS.includes(f)).map((f) => ({ value: f, label: ITEM_FLAG_LABELS[f] }));

/** A compact form item (the panel must fit beside the table at 1366×768). */
const Field = (p: FormItemProps) => <Form.Item style={{ marginBottom: 6 }} {...p} />;

export function ItemRowPanel({ row, index, errors, onChange }: Props) {
  const id = (f: string) => `row-${index}-${f}`;
  const err = (f: RowField) => (errors?.[f] ? { validateStatus: 'error' as const, help: errors[f] } : {});
  const text = (f: 'spec' | 'unit' | 'features' | 'ownerName' | 'ownerIdNo' | 'sealNo', placeholder?: string) => (
    <Input data-testid={id(f)} value={row[f]} placeholder={placeholder} onChange={(e) => onChange({ [f]: e.target.value })} />
  );
  const cash = row.category === 'cash';
  return (
    <div data-testid="row-panel" style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px 0', background: '#fcfcfd' }}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
        第 {index + 1} 行{row.name.trim() ? `：${row.name.trim()}` : ''}
      </Typography.Text>
      <Form layout="vertical" size="small" component={false}>
        <Row gutter={8}>
          <Col span={6}>
            <Field label="数量" required {...err('quantity')}>
              <InputNumber data-testid={id('quantity')} min={0} style={{ width: '100%' }} value={row.quantity} onChange={(v) => onChange({ quantity: v ?? null })} />
            </Field>
          </Col>
          <Col span={6}>
            <Field label="单位" required {...err('unit')}>{text('unit')}</Field>
          </Col>
          <Col span={12}>
            {cash ? (
              <Field label="现金金额（元）" required {...err('cashAmount')}>
                <InputNumber data-testid={id('cashAmount')} min={0} precision={2} style={{ width: '100%' }} value={row.cashAmount} onChange={(v) => onChange({ cashAmount: v ?? null })} />
              </Field>
            ) : (
              <Field label="估值（元）">
                <InputNumber data-testid={id('estimatedValue')} min={0} style={{ width: '100%' }} value={row.estimatedValue} onChange={(v) => onChange({ estimatedValue: v ?? null })} />
              </Field>
            )}
          </Col>
          <Col span={12}>
            <Field label="规格型号">{text('spec')}</Field>
          </Col>
          <Col span={12}>
            <Field label="来源">
              <Select data-testid={id('source')} value={row.source} options={ITEM_SOURCES.map((s) => ({ value: s, label: ITEM_SOURCE_LABELS[s] }))} onChange={(v) => onChange({ source: v })} />
            </Field>
          </Col>
          <Col span={10}>
            <Field label="持有人">{text('ownerName')}</Field>
          </Col>
          <Col span={14}>
            <Field label="证件号码">{text('ownerIdNo')}</Field>
          </Col>
          <Col span={10}>
            <Field label="封签号">{text('sealNo')}</Field>
          </Col>
          <Col span={14}>
            <Field label="标记">
              <Select
                data-testid={id('flags')}
                mode="multiple"
                maxTagCount="responsive"
                placeholder={cash ? '现金（随类别）' : '无'}
                value={row.flags.filter((f) => f !== 'cash')}
                options={FLAG_OPTIONS}
                onChange={(v: ItemFlag[]) => onChange({ flags: cash ? [...v, 'cash'] : v })}
              />
            </Field>
          </Col>
          <Col span={24}>
            <Field label="特征">{text('features', '颜色、成色、可识别特征')}</Field>
          </Col>
        </Row>
      </Form>
    </div>
  );
}
