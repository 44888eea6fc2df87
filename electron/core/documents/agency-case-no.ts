/** The issuing agency's own number for a case (公安案件编号 / 检察受案号 / 法院案号), printed beside the case number. */
import type { Ctx } from '../context';
import { AGENCY_CASE_NO_LABELS } from '../../../shared/domain/case-life';
import type { AgencyKind } from '../../../shared/domain/enums';

const COLUMN = { police: 'police_no', procuratorate: 'procuratorate_no', court: 'court_no' } as const;

/** The form line for `agencyId`'s number of the case, or none when that agency keeps no case numbers. */
export async function issuerCaseNoLine(ctx: Pick<Ctx, 'db'>, caseId: number | null, agencyId: number): Promise<Array<[string, string]>> {
  if (caseId === null) return [];
  const agency = await ctx.db.selectFrom('agencies').select(['kind']).where('id', '=', agencyId).executeTakeFirst();
  const kind = agency?.kind as AgencyKind | undefined;
  const label = kind ? AGENCY_CASE_NO_LABELS[kind] : undefined;
  if (!kind || !label || !(kind in COLUMN)) return [];
  const c = await ctx.db.selectFrom('cases').select(['police_no', 'procuratorate_no', 'court_no']).where('id', '=', caseId).executeTakeFirst();
  const no = c?.[COLUMN[kind as keyof typeof COLUMN]] ?? null;
  return [[label, no ?? '（未登记）']];
}
