/** What an irreversible request action will do, as the confirmation lists it (kind, request no., items, parties, date, witnesses). */
import type { ReactNode } from 'react';
import type { Dayjs } from 'dayjs';
import type { ItemDto } from '@shared/api/item.contract';
import type { RequestDto } from '@shared/api/request.contract';
import { CLAIMANT_ID_TYPE_LABELS, DISPOSITION_METHOD_LABELS, REQUEST_KIND_LABELS, TRANSFER_MODE_LABELS } from '@shared/domain/requests';
import type { IrreversibleSpec } from '../../components/confirm-irreversible';
import type { WitnessValue } from './WitnessFields';
import { fmtMoney } from '../../components/labels';

/** 「发还」「处置·销毁」「移送·实物移送」 */
export function kindText(r: RequestDto): string {
  if (r.kind === 'disposition' && r.details.method) return `处置·${DISPOSITION_METHOD_LABELS[r.details.method]}`;
  if (r.kind === 'transfer' && r.mode) return `移送·${TRANSFER_MODE_LABELS[r.mode]}`;
  return REQUEST_KIND_LABELS[r.kind];
}

function claimantText(r: RequestDto): string | undefined {
  const c = r.details.claimant;
  if (!c) return undefined;
  const id = c.idNo ? `${c.idType ? CLAIMANT_ID_TYPE_LABELS[c.idType] : '证件'} ${c.idNo}` : `授权委托书 ${c.authorisationDocNo ?? ''}`;
  return `${c.name}（${id}）`;
}

const person = (name?: string, idNo?: string) => (name?.trim() ? `${name.trim()}${idNo?.trim() ? `（${idNo.trim()}）` : ''}` : undefined);

function witnessText(list: WitnessValue[] | undefined): string | undefined {
  const names = (list ?? []).map((w) => (w?.username?.trim() ? `${w.username.trim()}（系统用户，凭密码确认）` : person(w?.name, w?.idNo))).filter(Boolean);
  return names.length ? names.join('；') : undefined;
}

const caseText = (r: RequestDto) => (r.caseNo ? `${r.caseNo} ${r.caseName ?? ''}` : undefined);
const toItems = (items: ItemDto[]) => items.map((i) => ({ code: i.code, name: i.name }));

/** What the execution writes, in one sentence. */
function outcome(r: RequestDto): string {
  switch (r.kind) {
    case 'return':
      return '物品将登记为「已发还」并交给领取人，发还记录和实际执行日期提交后不可撤销或更改。';
    case 'disposition':
      return `物品将登记为已${r.details.method ? DISPOSITION_METHOD_LABELS[r.details.method] : '处置'}，处置记录和实际执行日期提交后不可撤销或更改。`;
    case 'transfer':
      return `物品将出库交给${r.toAgencyName ?? '接收单位'}，交接记录提交后不可撤销或更改。`;
    default:
      return '提交后不可撤销或更改，请逐项核对。';
  }
}

export type ExecuteFormFacts = {
  actualDate?: Dayjs;
  counterpartName?: string;
  counterpartIdNo?: string;
  witnesses?: WitnessValue[];
  executor: string;
  salePrice?: number;
  saleBuyer?: string;
  saleConfirmationNo?: string;
  receivingUnit?: string;
  voucherNo?: string;
};

/** The confirmation of a custodian's execution (发还, 处置, 实物移送出库). */
export function executeConfirmSpec(r: RequestDto, items: ItemDto[], v: ExecuteFormFacts): IrreversibleSpec {
  const facts: Array<[string, ReactNode]> = [
    ['类型', kindText(r)],
    ['申请单号', r.requestNo],
    ['案件', caseText(r)],
    ['接收单位', r.kind === 'transfer' ? r.toAgencyName : undefined],
    [r.kind === 'transfer' ? '接收人' : '接收方', person(v.counterpartName, v.counterpartIdNo)],
    ['领取人', r.kind === 'return' ? claimantText(r) : undefined],
    ['依据', r.legalBasis],
    ['成交价款', v.salePrice != null ? fmtMoney(v.salePrice) : undefined],
    ['买受人/拍卖机构', v.saleBuyer],
    ['成交确认书', v.saleConfirmationNo],
    ['上缴接收单位', v.receivingUnit],
    ['上缴凭证/国库缴款书', v.voucherNo],
    ['实际执行日期', v.actualDate ? v.actualDate.format('YYYY年M月D日') : undefined],
    ['执行人', v.executor],
    ['见证人', witnessText(v.witnesses)],
  ];
  return { title: `确认执行${kindText(r)}：${r.requestNo}`, okText: `确认执行${REQUEST_KIND_LABELS[r.kind]}`, facts, items: toItems(items), warning: outcome(r) };
}

/** Request-level decisions (approve, reject, accept, refuse, cancel): the facts shown in their dialog. */
export function requestFacts(r: RequestDto): Array<[string, ReactNode]> {
  return [
    ['类型', kindText(r)],
    ['申请单号', r.requestNo],
    ['案件', caseText(r)],
    ['申请单位', r.fromAgencyName],
    ['接收单位', r.kind === 'transfer' ? r.toAgencyName : undefined],
    ['领取人', r.kind === 'return' ? claimantText(r) : undefined],
    ['依据', r.legalBasis],
  ];
}

export function requestItems(r: RequestDto): Array<{ code: string; name: string }> {
  const open = new Set(r.openItemIds);
  return toItems(r.items.filter((i) => open.has(i.id)).length ? r.items.filter((i) => open.has(i.id)) : r.items);
}
