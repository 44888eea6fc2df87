/** The case lifecycle: case types, stage moves and the documents each rests on. Pure data. */
import type { AgencyKind, CaseStage } from './enums';

export const CASE_TYPES = ['ordinary', 'organized_crime', 'economic', 'drug', 'duty_crime', 'other'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  ordinary: '普通刑事案件',
  organized_crime: '涉黑涉恶案件',
  economic: '经济犯罪案件',
  drug: '毒品犯罪案件',
  duty_crime: '职务犯罪案件',
  other: '其他',
};

export const STAGE_DOC_KINDS = ['起诉意见书', '补充侦查报告书', '退回补充侦查决定书', '起诉书', '不起诉决定书', '撤案决定书', '判决书', '裁定书', '结案报告'] as const;
export type StageDocKind = (typeof STAGE_DOC_KINDS)[number];

export type StageMove = { to: CaseStage; label: string; docs: readonly StageDocKind[] };

/** Which stage may follow which, and on which documents. 退回补充侦查 takes a case back to 侦查. */
export const CASE_STAGE_MOVES: Record<CaseStage, readonly StageMove[]> = {
  investigation: [
    { to: 'prosecution_review', label: '移送审查起诉', docs: ['起诉意见书', '补充侦查报告书'] },
    { to: 'dropped', label: '撤案', docs: ['撤案决定书'] },
  ],
  prosecution_review: [
    { to: 'trial', label: '提起公诉', docs: ['起诉书'] },
    { to: 'investigation', label: '退回补充侦查', docs: ['退回补充侦查决定书'] },
    { to: 'not_prosecuted', label: '不起诉', docs: ['不起诉决定书'] },
  ],
  trial: [{ to: 'execution', label: '判决/裁定生效，交付执行', docs: ['判决书', '裁定书'] }],
  execution: [{ to: 'closed', label: '执行完毕，结案', docs: ['结案报告'] }],
  dropped: [{ to: 'closed', label: '结案', docs: ['结案报告'] }],
  not_prosecuted: [{ to: 'closed', label: '结案', docs: ['结案报告'] }],
  closed: [],
};

/** Stages a property transfer must not overwrite (the case has been decided). */
export const DECIDED_STAGES: readonly CaseStage[] = ['execution', 'closed', 'dropped', 'not_prosecuted'];

/** The case-number column of each agency kind. */
export const AGENCY_CASE_NO_LABELS: Partial<Record<AgencyKind, string>> = { police: '公安案件编号', procuratorate: '检察受案号', court: '法院案号' };
