/** 流转记录 (audit trail) parts: item and event rows, the event table's columns, the ledger-check cover. */
import type { Ctx } from '../context';
import type { EventDto, ItemDto } from '../../../shared/api/item.contract';
import { EVENT_TYPE_LABELS, ITEM_STATUS_LABELS } from '../../../shared/domain/enums';
import { latestCheck } from '../ledger/ledger.check';
import type { DocItemRow, FormDoc } from './document.types';
import { formatZhDateTime } from './pdf-engine';
import { textWidth } from './text-fit';

export function itemRow(i: ItemDto): DocItemRow {
  return {
    code: i.code,
    name: i.name,
    spec: i.spec,
    quantity: i.quantity,
    unit: i.unit,
    features: i.features,
    cashAmount: i.cashAmount,
    estimatedValue: i.estimatedValue,
    sealNo: i.sealNo,
    location: i.locationPath ?? (i.outWith ? `在外：${i.outWith}` : null),
    remark: ITEM_STATUS_LABELS[i.status],
  };
}

const arrow = (from: string | null, to: string | null): string | null => {
  if (!from && !to) return null;
  if (from === to) return from;
  return `${from ?? '—'} → ${to ?? '—'}`;
};

const lines = (...parts: Array<string | null | false>) => parts.filter((p): p is string => !!p).join('\n');

/** One table row per event: 序号, 时间, 类型, 人员, 单位/位置, 文书/状况/备注, 哈希. */
export function eventRows(events: EventDto[], withItemCode: boolean): string[][] {
  return events.map((e) => {
    const agency = arrow(e.agencyFrom, e.agencyTo);
    const loc = arrow(e.locationFrom, e.locationTo);
    const witnesses = e.witnesses.map((w) => (w.idNo ? `${w.name}（${w.idNo}）` : w.name)).join('、');
    return [
      String(e.seq),
      formatZhDateTime(e.occurredAt).replace(' ', '\n'),
      lines(EVENT_TYPE_LABELS[e.type], withItemCode && e.itemCode),
      lines(
        `操作：${e.actorName}`,
        e.counterpart && `交接：${e.counterpart.name}${e.counterpart.idNo ? `（${e.counterpart.idNo}）` : ''}`,
        witnesses && `见证：${witnesses}`,
      ),
      lines(agency && `单位：${agency}`, loc && `位置：${loc}`),
      lines(e.legalDocNo && `文书：${e.legalDocNo}`, e.conditionNote && `状况：${e.conditionNote}`, e.note && `备注：${e.note}`),
      `${e.hash.slice(0, 8)}\n${e.hash.slice(8, 16)}`,
    ];
  });
}

export const TABLE_COLUMNS = ['序号', '时间', '类型', '人员', '单位 / 位置', '文书 / 状况 / 备注', '哈希前16位'];
/** The type column also holds item codes (case trail): it is as wide as the longest, so none wraps. */
export function tableWidths(codes: string[]): Array<number | '*'> {
  const type = Math.max(80, ...codes.map((c) => Math.ceil(textWidth(c, 7.5) + 1)));
  return [24, 58, Math.min(type, 120), '*', '*', '*', 42];
}

/** The events a trail covers: how many, and the first and last sequence number. */
export type TrailRange = { count: number; first: number | null; last: number | null };

/** Cover section and chain-head QR: the latest completed ledger check (never re-checked here) and the present head. */
export async function ledgerCover(ctx: Ctx, r: TrailRange): Promise<Pick<FormDoc, 'sections' | 'qr'>> {
  const head = await ctx.db.selectFrom('ledger_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const c = await latestCheck(ctx.db);
  const mode = c?.mode === 'full' ? '全量' : '增量';
  const result = !c
    ? '尚未校验：请由监督员在「账本校验」中运行校验'
    : c.ok
      ? `通过（${mode}校验）：至第 ${c.seq} 号事件哈希链完整，未发现篡改`
      : `未通过（${mode}校验）：${c.message ?? '哈希链不完整'}`;
  const range = r.count ? `${r.count} 条（序号 ${r.first}–${r.last}）` : '0 条';
  return {
    sections: [
      {
        title: '账本校验（最近一次）',
        lines: [
          ['校验结果', result],
          ['校验时间', c ? `${formatZhDateTime(c.checkedAt)}（${c.checkedBy}）` : '—'],
          ['链头序号', String(head.seq)],
          ['链头哈希', head.hash],
          ['本记录事件', range],
        ],
      },
    ],
    qr: { caption: '账本链头（扫码与系统核对）', text: `LEDGERHEAD|${head.seq}|${head.hash}` },
  };
}
