/** Register-page rows: what 「添加一行」 copies, the cash rules, and the checks that list every missing field. */
import { describe, expect, it } from 'vitest';
import { blankItem, checkRows, nextRow, toItemInputs, withCategory } from '../../renderer/src/pages/desk/draft-item';

const cashRow = () =>
  withCategory(
    blankItem({ name: '人民币现金', unit: '沓', spec: '百元券', features: '橡皮筋捆扎', estimatedValue: 10, cashAmount: null, sealNo: 'FQ-1', ownerName: '张三', ownerIdNo: '371602199001011234', source: 'sealed', flags: ['damaged'] }),
    'cash',
  );

describe('draft rows', () => {
  it('「添加一行」 keeps only category, unit, source and owner', () => {
    const prev = { ...cashRow(), cashAmount: 5000 };
    const next = nextRow(prev);
    expect(next).toMatchObject({ category: 'cash', unit: '沓', source: 'sealed', ownerName: '张三', ownerIdNo: '371602199001011234' });
    expect(next).toMatchObject({ name: '', spec: '', features: '', sealNo: '', estimatedValue: null, cashAmount: null, quantity: 1 });
    expect(next.flags).toEqual(['cash']); // the cash flag follows the category, 破损 does not carry over
    expect(next.key).not.toBe(prev.key);
    expect(nextRow({ ...prev, category: 'valuables', flags: ['valuable', 'damaged'] }).flags).toEqual([]);
  });

  it('leaving the cash category clears the amount and the cash flag', () => {
    const r = withCategory({ ...cashRow(), cashAmount: 5000 }, 'valuables');
    expect(r.cashAmount).toBeNull();
    expect(r.flags).toEqual(['damaged']);
    expect(withCategory(r, 'cash').flags).toEqual(['damaged', 'cash']);
  });

  it('sends a cash amount and the cash flag only for cash rows', () => {
    const stale = { ...blankItem({ name: '笔记本电脑', category: 'electronics' }), cashAmount: 5000, flags: ['cash' as const] };
    const [laptop, cash] = toItemInputs([stale, { ...cashRow(), cashAmount: 5000 }, blankItem()]);
    expect(laptop).toMatchObject({ category: 'electronics', cashAmount: undefined, flags: [] });
    expect(cash).toMatchObject({ category: 'cash', cashAmount: 5000, flags: ['damaged', 'cash'], spec: '百元券' });
  });

  it('lists every missing field at once; blank rows are skipped unless nothing is filled', () => {
    const empty = blankItem();
    expect(checkRows([empty])).toEqual({ [empty.key]: { name: '请填写物品名称（至少一件）' } });
    const a = { ...blankItem({ name: '手机' }), quantity: null, unit: ' ' };
    const b = cashRow();
    const trailing = blankItem();
    expect(checkRows([a, b, trailing])).toEqual({ [a.key]: { quantity: '请填写数量', unit: '请填写单位' }, [b.key]: { cashAmount: '现金须填写金额' } });
    expect(checkRows([{ ...b, cashAmount: 1 }, trailing])).toEqual({});
  });
});
