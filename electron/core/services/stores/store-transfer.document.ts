/** 跨库调拨交接单: the goods that left one store for another, signed by both custodians and the escort. */
import type { Ctx } from '../../context';
import type { FileOut } from '../../../../shared/api/common.schemas';
import type { StoreTransferDto } from '../../../../shared/api/store.contract';
import { STORE_TRANSFER_STATUS_LABELS } from '../../../../shared/api/store.contract';
import type { FormDoc } from '../../documents/document.types';
import { issueDocument } from '../../documents/issue-document';
import { fmtLocal } from '../custody/custody.lookup';

export async function printStoreTransfer(ctx: Ctx, t: StoreTransferDto): Promise<FileOut> {
  const events = await ctx.db
    .selectFrom('custody_events')
    .select(['id', 'type', 'payload', 'counterpart', 'condition_note', 'item_id'])
    .where('item_id', 'in', t.items.length ? t.items.map((i) => i.id) : [-1])
    .where('type', 'in', ['PHYSICAL_TRANSFER_OUT', 'PHYSICAL_TRANSFER_IN'])
    .orderBy('seq')
    .execute();
  const mine = events.filter((e) => (JSON.parse(e.payload) as { storeTransferNo?: string }).storeTransferNo === t.transferNo);
  const escort = mine.find((e) => e.type === 'PHYSICAL_TRANSFER_OUT' && e.counterpart);
  const escortName = escort ? (JSON.parse(escort.counterpart!) as { name: string; idNo?: string | null }) : null;
  const backNote = new Map(mine.filter((e) => e.type === 'PHYSICAL_TRANSFER_IN').map((e) => [e.item_id, e.condition_note]));
  const doc: FormDoc = {
    docType: 'store_transfer',
    title: '涉案财物跨库调拨交接单',
    barcode: t.transferNo,
    fields: [
      ['调拨单号', t.transferNo],
      ['状态', STORE_TRANSFER_STATUS_LABELS[t.status]],
      ['调出库', t.fromStoreName],
      ['调入库', t.toStoreName],
      ['调出保管员', t.createdByName],
      ['调出时间', fmtLocal(t.createdAt)],
      ['押运人', escortName ? `${escortName.name}${escortName.idNo ? `（${escortName.idNo}）` : ''}` : ''],
      ['接收保管员', t.receivedByName ?? ''],
      ['接收完成时间', t.receivedAt ? fmtLocal(t.receivedAt) : ''],
      ['件数', `${t.itemCount} 件（已接收 ${t.receivedCount} 件）`],
      ['备注', t.note ?? ''],
    ],
    items: t.items.map((it) => ({
      code: it.code,
      name: it.name,
      spec: it.spec,
      quantity: it.quantity,
      unit: it.unit,
      features: it.features,
      cashAmount: it.cashAmount,
      sealNo: it.sealNo,
      location: it.received ? it.locationPath : '在途',
      remark: it.received ? `已接收：${backNote.get(it.id) ?? '完好'}` : '未接收',
    })),
    sections: [{ title: '说明', lines: [['保管责任', '跨库调拨只改变存放地点，不改变持有单位；接收保管员逐件扫描入库后，由调入库负责保管']] }],
    signatures: [{ role: '调出保管员', name: t.createdByName }, { role: '押运人', name: escortName?.name ?? null }, { role: '接收保管员', name: t.receivedByName }],
  };
  return issueDocument(ctx, doc, { eventIds: mine.map((e) => e.id) });
}
