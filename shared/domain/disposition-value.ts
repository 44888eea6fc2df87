/**
 * Dispositions that record where the value went (issue 11 part 3): which method is allowed at which case stage and
 * on which basis document, and which items may be sold early (先行处置). Pure data and checks, no I/O.
 */
import type { CaseStage, ItemFlag } from './enums';
import { CASE_STAGE_LABELS } from './enums';
import type { DispositionMethod } from './requests';

/** The documents a confiscation or an ordinary sale rests on: an effective judgment or ruling. */
export const JUDGMENT_DOC_KINDS = ['判决书', '裁定书'] as const;
/** Stages at which the case's judgment or ruling has taken effect. */
export const JUDGED_STAGES: readonly CaseStage[] = ['execution', 'closed'];
/** Flags that let an item be sold before the judgment (先行处置): perishable or losing value. */
export const EARLY_SALE_FLAGS: readonly ItemFlag[] = ['perishable', 'value_losing'];

export const VALUE_RECORD_KINDS = ['sale', 'confiscation', 'deposit'] as const;
export type ValueRecordKind = (typeof VALUE_RECORD_KINDS)[number];
export const VALUE_RECORD_KIND_LABELS: Record<ValueRecordKind, string> = { sale: '变卖/拍卖成交价款', confiscation: '没收上缴', deposit: '存入涉案款专户' };

/** The judgment or ruling the case rests on: the document of its move to 执行. */
export type CaseJudgment = { docKind: string; docNo: string; docDate: string | null };

export type MethodCheck = {
  method: DispositionMethod;
  early: boolean;
  caseNo: string;
  stage: CaseStage;
  /** Kind of the agency asking (police, procuratorate, court…). */
  agencyKind: string;
  judgment: CaseJudgment | null;
};

/** Null when allowed, else the Chinese refusal. */
export function refuseMethod(c: MethodCheck): string | null {
  const judged = JUDGED_STAGES.includes(c.stage) && c.judgment !== null;
  const stage = `案件 ${c.caseNo} 当前为「${CASE_STAGE_LABELS[c.stage]}」阶段`;
  if (c.early) {
    if (c.method !== 'sell') return '先行处置只能是先行变卖/拍卖';
    if (judged) return `${stage}，判决或裁定已生效，请直接申请拍卖/变卖，无需先行处置`;
    return null;
  }
  if (c.method === 'confiscate' && !judged) {
    if (c.agencyKind === 'police' && c.stage === 'investigation') {
      return `${stage}：没收上缴须依据人民法院生效的判决书或裁定书，公安机关在侦查阶段不能没收上缴涉案财物`;
    }
    return `${stage}，尚无生效的判决书或裁定书：没收上缴须依据生效的判决书或裁定书`;
  }
  if (c.method === 'sell' && !judged) {
    return `${stage}，尚无生效的判决书或裁定书：判决前只有标记为易腐或易贬值的物品可以经批准先行处置（先行变卖/拍卖）`;
  }
  return null;
}

/** Items not flagged for early sale, by label. */
export function notEarlySellable<T extends { flags: readonly string[]; category: string }>(items: readonly T[]): T[] {
  return items.filter((i) => i.category !== 'perishable' && !i.flags.some((f) => (EARLY_SALE_FLAGS as readonly string[]).includes(f)));
}
