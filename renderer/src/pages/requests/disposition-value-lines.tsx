/** What a disposition request shows about where the value went: 先行处置 and why, the judgment, the sale, the voucher. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { RequestDto } from '@shared/api/request.contract';
import { fmtMoney } from '../../components/labels';

export function dispositionValueLines(r: RequestDto): Array<[string, ReactNode]> {
  const d = r.details;
  const out: Array<[string, ReactNode]> = [];
  if (d.early) out.push(['先行处置', <span data-testid="early-reason">是（易腐、易贬值物品）：{r.reason}</span>]);
  if (d.judgment) out.push(['生效判决/裁定', `《${d.judgment.docKind}》${d.judgment.docNo}`]);
  if (d.sale) {
    out.push(['成交价款', <span data-testid="sale-price">{fmtMoney(d.sale.price)}</span>], ['买受人/拍卖机构', d.sale.buyer], ['成交确认书', d.sale.confirmationNo]);
  }
  if (d.proceeds) {
    out.push([
      '价款物品',
      <Link to={`/items/${d.proceeds.itemId}`} data-testid="proceeds-link">
        {d.proceeds.code}
      </Link>,
    ]);
  }
  if (d.confiscation) out.push(['上缴接收单位', d.confiscation.receivingUnit], ['上缴凭证/国库缴款书', <span data-testid="voucher-no">{d.confiscation.voucherNo}</span>]);
  return out;
}
