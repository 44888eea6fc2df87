/**
 * Who may register seized items for which case, and what a row may carry.
 * 办案与保管相分离: a case officer registers for the cases his own agency hosts; a custodian registers only on
 * behalf of a case unit (公安/检察院/法院), and the items are held by that unit, which can later act on them.
 */
import type { Ctx } from '../../context';
import { AGENCY_KIND_LABELS, isCaseUnitKind, type AgencyKind, type ItemCategory, type ItemFlag } from '../../../../shared/domain/enums';
import { badInput, forbidden } from '../../errors';

/** The agency that will hold the registered items, or a refusal. */
export async function registeringFor(ctx: Ctx, hostAgencyId: number): Promise<number> {
  const host = await ctx.db.selectFrom('agencies').select(['id', 'name', 'kind']).where('id', '=', hostAgencyId).executeTakeFirstOrThrow();
  const roles = ctx.user.roles;
  if (roles.includes('case_officer') && host.id === ctx.user.agencyId) return host.id;
  if (roles.includes('custodian')) {
    if (isCaseUnitKind(host.kind)) return host.id;
    const kind = AGENCY_KIND_LABELS[host.kind as AgencyKind] ?? host.kind;
    throw forbidden(`保管员只能代公安、检察院、法院等办案单位登记；该案件的主办单位「${host.name}」（${kind}）不是办案单位`);
  }
  throw forbidden('只能为本单位主办的案件登记涉案财物');
}

type Row = { name: string; category: ItemCategory; cashAmount?: number | undefined; flags: ItemFlag[] };

/** A cash amount (and the cash flag) belongs to the cash category only; cash always states its amount. */
export function checkCashRows(rows: readonly Row[]): void {
  const problems: string[] = [];
  rows.forEach((it, i) => {
    const at = `第 ${i + 1} 行「${it.name}」`;
    if (it.category === 'cash') {
      if (it.cashAmount === undefined) problems.push(`${at}是现金，必须填写现金金额`);
    } else if (it.cashAmount !== undefined || it.flags.includes('cash')) {
      problems.push(`${at}不是现金类物品，不能填写现金金额或标记为现金（只有现金类物品可以填写现金金额）`);
    }
  });
  if (problems.length) throw badInput(problems.length === 1 ? problems[0]! : '有物品的现金信息不正确', problems);
}
