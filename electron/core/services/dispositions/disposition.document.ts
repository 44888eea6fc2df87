/** What the 处置记录 prints about where the value went: the judgment, the sale and its proceeds, the confiscation voucher. */
import type { RequestDetails } from '../../../../shared/api/request.contract';
import { formatMoney } from '../../documents/form.pdf';

type Section = { title: string; lines: Array<[string, string]> };

export function valueSections(d: RequestDetails): Section[] {
  const out: Section[] = [];
  const basis: Array<[string, string]> = [];
  if (d.early) basis.push(['先行处置', '是（易腐或易贬值物品，判决前经批准先行变卖/拍卖）']);
  if (d.judgment) basis.push(['生效判决/裁定', `《${d.judgment.docKind}》${d.judgment.docNo}${d.judgment.docDate ? `（${d.judgment.docDate}）` : ''}`]);
  if (basis.length) out.push({ title: '处置依据', lines: basis });
  if (d.sale) {
    out.push({
      title: '成交情况',
      lines: [
        ['成交价款', formatMoney(d.sale.price)],
        ['买受人/拍卖机构', d.sale.buyer],
        ['成交确认书编号', d.sale.confirmationNo],
        ['价款去向', d.proceeds ? `登记为本案现金物品 ${d.proceeds.code}，存入涉案款专户，随案管理` : ''],
      ],
    });
  }
  if (d.confiscation) {
    out.push({ title: '上缴情况', lines: [['接收单位', d.confiscation.receivingUnit], ['上缴凭证/国库缴款书编号', d.confiscation.voucherNo]] });
  }
  return out;
}
