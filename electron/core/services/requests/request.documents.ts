/** Printed forms for a request: 调用审批单+归还核对, 交接单/移送清单, 权属移交确认单, 发还清单, 处置记录. */
import type { Ctx } from '../../context';
import type { FileOut } from '../../../../shared/api/common.schemas';
import type { ItemDto } from '../../../../shared/api/item.contract';
import { ITEM_STATUS_LABELS } from '../../../../shared/domain/enums';
import {
  CLAIMANT_ID_TYPE_LABELS,
  DISPOSITION_METHOD_LABELS,
  LOAN_PURPOSE_LABELS,
  REQUEST_DOC_TYPE_LABELS,
  REQUEST_KIND_LABELS,
  REQUEST_STATUS_LABELS,
  RETURN_CONDITION_LABELS,
  TRANSFER_MODE_LABELS,
  type RequestDocType,
  type RequestKind,
  type RequestStatus,
  type TransferMode,
} from '../../../../shared/domain/requests';
import type { DocItemRow, FormDoc } from '../../documents/document.types';
import { issueDocument } from '../../documents/issue-document';
import { issuerCaseNoLine } from '../../documents/agency-case-no';
import { badInput } from '../../errors';
import { fmtLocal } from '../custody/custody.lookup';
import { getItemDtos } from '../items/item.repository';
import { assertVisible } from './request.read';
import { loadView, type RequestView } from './request.repository';
import { valueSections } from '../dispositions/disposition.document';

const ALLOWED: Record<RequestKind, RequestDocType[]> = {
  loan: ['loan_form'],
  transfer: ['handover', 'custody_confirmation'],
  return: ['return_list', 'handover'],
  disposition: ['disposition_record', 'handover'],
  allocation: ['handover'],
};

export function defaultDocType(v: RequestView): RequestDocType {
  if (v.row.kind === 'transfer') return v.row.mode === 'paper' ? 'custody_confirmation' : 'handover';
  return ALLOWED[v.row.kind as RequestKind][0]!;
}

const t = (iso: string | null | undefined) => (iso ? fmtLocal(iso) : '');
const day = (iso: string | null | undefined) => t(iso).slice(0, 10);

function itemRow(it: ItemDto, remark: string | null): DocItemRow {
  return {
    code: it.code,
    name: it.name,
    spec: it.spec,
    quantity: it.quantity,
    unit: it.unit,
    features: it.features,
    cashAmount: it.cashAmount,
    estimatedValue: it.estimatedValue,
    sealNo: it.sealNo,
    location: it.locationPath ?? (it.outWith ? `在外：${it.outWith}` : null),
    remark,
  };
}

function approval(v: RequestView): { title: string; lines: Array<[string, string]> } {
  const s = v.row;
  return {
    title: '审批意见',
    lines: [
      ['审批人', v.userNames.get(s.decided_by ?? 0) ?? ''],
      ['审批时间', t(s.decided_at)],
      ['审批意见', s.decision_comment ?? (s.decided_at ? (s.status === 'rejected' && !s.accepted_at ? '不同意' : '同意') : '')],
    ],
  };
}

/** The form for a request; `eventIds` are the request's ledger events the document covers. */
export async function buildRequestDoc(ctx: Ctx, id: number, type?: RequestDocType): Promise<{ doc: FormDoc; eventIds: number[]; caseId: number | null }> {
  const v = await loadView(ctx, id);
  await assertVisible(ctx, v, ctx.user);
  const r = v.row;
  const kind = r.kind as RequestKind;
  const docType = type ?? defaultDocType(v);
  if (!ALLOWED[kind].includes(docType)) throw badInput(`${REQUEST_KIND_LABELS[kind]}申请不能打印「${REQUEST_DOC_TYPE_LABELS[docType]}」`);
  const links = await ctx.db.selectFrom('request_items').select('item_id').where('request_id', '=', id).orderBy('item_id').execute();
  const items = await getItemDtos(ctx, links.map((l) => l.item_id));
  const events = await ctx.db.selectFrom('custody_events').select(['id', 'type']).where('request_id', '=', id).where('type', '!=', 'RECEIPT_PRINTED').orderBy('seq').execute();
  const d = v.details;
  const name = (uid: number | null) => (uid ? (v.userNames.get(uid) ?? '') : '');
  const head: Array<[string, string]> = [
    ['申请单号', r.request_no],
    ['案件', v.caseNo ? `${v.caseNo} ${v.caseName ?? ''}` : '（多案件）'],
    ...(await issuerCaseNoLine(ctx, r.case_id, r.from_agency_id)),
    ['状态', REQUEST_STATUS_LABELS[r.status as RequestStatus]],
  ];
  const basis: Array<[string, string]> = [
    ['事由', r.reason ?? ''],
    ['法律依据', r.legal_basis ?? ''],
  ];
  const applicant: Array<[string, string]> = [
    ['申请人', v.creatorName],
    ['申请时间', t(r.created_at)],
  ];
  const witnessNames = (d.witnesses ?? []).map((w) => w.name);
  let doc: FormDoc;

  if (docType === 'loan_form') {
    const back = d.returns ?? {};
    doc = {
      docType,
      title: '涉案财物调用审批单',
      barcode: r.request_no,
      fields: [...head, ['调用单位', v.fromName], ['借用人', `${d.borrower?.name ?? ''}${d.borrower?.idNo ? `（${d.borrower.idNo}）` : ''}`], ['用途', d.purpose ? LOAN_PURPOSE_LABELS[d.purpose] : ''], ['归还期限', t(r.due_at)], ...basis, ...applicant],
      items: items.map((it) => itemRow(it, back[String(it.id)] ? `归还：${RETURN_CONDITION_LABELS[back[String(it.id)]!.condition]}` : ITEM_STATUS_LABELS[it.status])),
      sections: [
        approval(v),
        { title: '出库', lines: [['出库时间', t(r.executed_at)], ['出库保管员', name(r.executed_by)], ['出库状况', d.conditionOut ?? '']] },
        ...(d.extensions?.length ? [{ title: '延期记录', lines: d.extensions.map((e): [string, string] => [t(e.decidedAt), `${e.approved ? '同意' : '不同意'}延期至 ${t(e.newDueAt)}（${e.reason}；审批人 ${e.decidedByName}）`]) }] : []),
        {
          title: '归还核对',
          lines: items.map((it): [string, string] => {
            const b = back[String(it.id)];
            return [it.code, b ? `${RETURN_CONDITION_LABELS[b.condition]}${b.note ? `：${b.note}` : ''}（${t(b.at)}，${b.byName}）` : '未归还'];
          }),
        },
      ],
      signatures: [{ role: '借用人', name: d.borrower?.name }, { role: '审批人', name: name(r.decided_by) }, { role: '保管员（出库）', name: name(r.executed_by) }, { role: '保管员（归还）' }],
    };
  } else if (docType === 'return_list') {
    const c = d.claimant;
    const idText = c?.idNo ? `${c.idType ? CLAIMANT_ID_TYPE_LABELS[c.idType] : '证件'} ${c.idNo}` : '';
    doc = {
      docType,
      title: '涉案财物发还清单',
      barcode: r.request_no,
      fields: [...head, ['发还单位', v.fromName], ['领取人', c?.name ?? ''], ['证件类型及号码', idText], ['授权委托书', c?.authorisationDocNo ?? ''], ...basis, ...applicant, ['发还日期', day(d.actualDate)]],
      items: items.map((it) => itemRow(it, ITEM_STATUS_LABELS[it.status])),
      sections: [approval(v), { title: '执行', lines: [['经办保管员', d.executorName ?? ''], ['见证人', witnessNames.join('、')], ['执行时间', t(r.executed_at)]] }],
      signatures: [{ role: '领取人', name: c?.name }, { role: '经办保管员', name: d.executorName }, { role: '见证人', name: witnessNames.join('、') || null }, { role: '审批人', name: name(r.decided_by) }],
    };
  } else if (docType === 'disposition_record') {
    const [w1, w2] = witnessNames;
    doc = {
      docType,
      title: '涉案财物处置记录',
      barcode: r.request_no,
      fields: [
        ...head,
        ['处置单位', v.fromName],
        ['处置方式', d.method ? DISPOSITION_METHOD_LABELS[d.method] : ''],
        ['依据文书编号', r.legal_basis ?? ''],
        ['执行人', d.executorName ?? ''],
        ['见证人（一）', w1 ?? ''],
        ['见证人（二）', w2 ?? ''],
        ['实际执行日期', day(d.actualDate)],
        ['接收方', d.counterpart?.name ?? (d.method === 'destroy' ? '不适用（销毁）' : '—')],
        ['事由', r.reason ?? ''],
        ...applicant,
      ],
      items: items.map((it) => itemRow(it, ITEM_STATUS_LABELS[it.status])),
      sections: [...valueSections(d), approval(v)],
      signatures: [{ role: '执行人', name: d.executorName }, { role: '见证人（一）', name: w1 }, { role: '见证人（二）', name: w2 }, { role: '审批人', name: name(r.decided_by) }],
    };
  } else {
    const paper = docType === 'custody_confirmation';
    const toName = kind === 'allocation' ? `调入库位：${d.toLocationPath ?? ''}` : (v.toName ?? d.counterpart?.name ?? '');
    doc = {
      docType,
      title: paper ? '涉案财物权属移交确认单' : kind === 'transfer' ? '涉案财物移送清单' : `涉案财物交接单（${REQUEST_KIND_LABELS[kind]}）`,
      barcode: r.request_no,
      fields: [
        ...head,
        ['移交单位', v.fromName],
        ['接收单位', toName],
        ...(r.mode ? ([['移送方式', TRANSFER_MODE_LABELS[r.mode as TransferMode]]] as Array<[string, string]>) : []),
        ...basis,
        ...applicant,
      ],
      items: items.map((it) => itemRow(it, ITEM_STATUS_LABELS[it.status])),
      sections: [
        approval(v),
        ...(paper ? [{ title: '说明', lines: [['实物存放', '权属移交、实物不动：物品仍存放于涉案财物管理中心原库位，自接收单位确认之时起由接收单位承担保管责任'] as [string, string]] }] : []),
        {
          title: '交接',
          lines: [
            ...(paper ? [] : ([['出库保管员', name(r.executed_by)], ['出库时间', t(r.executed_at)]] as Array<[string, string]>)),
            ['接收确认人', name(r.accepted_by)],
            ['接收确认时间', t(r.accepted_at)],
            ['接收意见', d.receiverComment ?? (d.receiverDecision === 'accepted' ? '同意接收' : d.receiverDecision === 'rejected' ? '拒收' : '')],
          ],
        },
      ],
      signatures: [
        { role: '移交人', name: v.creatorName },
        { role: '接收人', name: name(r.accepted_by) || d.counterpart?.name || null },
        { role: '见证人', name: witnessNames.join('、') || null },
        { role: '保管员', name: name(r.executed_by) || null },
      ],
    };
  }
  return { doc, eventIds: events.map((e) => e.id), caseId: r.case_id };
}

export async function printRequestDoc(ctx: Ctx, id: number, type?: RequestDocType): Promise<FileOut> {
  const { doc, eventIds, caseId } = await buildRequestDoc(ctx, id, type);
  return issueDocument(ctx, doc, { eventIds, caseId, requestId: id });
}
