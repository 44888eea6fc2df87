/** The case lifecycle: stage changes on documents (CASE_STAGE_CHANGED) and each agency's own case number. */
import { z } from 'zod';
import { defineMethods } from './define';
import { id, optText, text } from './common.schemas';
import { CASE_STAGES } from '../domain/enums';
import { STAGE_DOC_KINDS } from '../domain/case-life';
import { caseDto } from './item.contract';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const caseLifeContract = defineMethods({
  'case.changeStage': {
    summary: '变更诉讼阶段（须有法律文书：种类、文号、日期）',
    permission: 'case.stage',
    input: z.object({ caseId: id, to: z.enum(CASE_STAGES), docKind: z.enum(STAGE_DOC_KINDS), docNo: text(80), docDate: day, note: optText(500) }),
    output: caseDto,
  },
  'case.setAgencyNo': {
    summary: '登记本单位的案件编号（公安案件编号、检察受案号、法院案号）',
    permission: 'case.stage',
    input: z.object({ caseId: id, no: z.string().trim().min(2, '编号过短').max(80) }),
    output: caseDto,
  },
});
