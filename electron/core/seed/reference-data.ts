/** Demo/test reference data: the three agencies and the centre, their users, the city centre store and one district store. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { AgencyKind, LocationKind, Role } from '../../../shared/domain/enums';

export const DEMO_AGENCIES: ReadonlyArray<{ code: string; name: string; kind: AgencyKind }> = [
  { code: '371600', name: '滨州市公安局', kind: 'police' },
  { code: '371600JC', name: '滨州市人民检察院', kind: 'procuratorate' },
  { code: '371600FY', name: '滨州市中级人民法院', kind: 'court' },
  { code: '371600ZX', name: '滨州市涉案财物管理中心', kind: 'other' },
  { code: '371600JW', name: '滨州市纪委监委', kind: 'supervision' },
];

export const DEMO_USERS: ReadonlyArray<{ username: string; displayName: string; badgeNo: string; agency: string; roles: Role[]; store?: string }> = [
  { username: 'admin', displayName: '系统管理员', badgeNo: 'A0001', agency: '371600ZX', roles: ['admin'] },
  { username: 'zx_bgy', displayName: '王保管', badgeNo: 'ZX1001', agency: '371600ZX', roles: ['custodian'], store: 'ST-ZX' },
  { username: 'zx_bgy2', displayName: '赵保管', badgeNo: 'ZX1002', agency: '371600ZX', roles: ['custodian'], store: 'ST-ZX' },
  { username: 'bc_bgy', displayName: '钱保管', badgeNo: 'BC1001', agency: '371600ZX', roles: ['custodian'], store: 'ST-BC' },
  { username: 'ga_bar', displayName: '李办案', badgeNo: '061234', agency: '371600', roles: ['case_officer'] },
  { username: 'ga_sp', displayName: '张审批', badgeNo: '060001', agency: '371600', roles: ['approver'] },
  { username: 'jc_bar', displayName: '陈检察', badgeNo: 'JC2001', agency: '371600JC', roles: ['case_officer'] },
  { username: 'jc_sp', displayName: '刘检察长', badgeNo: 'JC2000', agency: '371600JC', roles: ['approver'] },
  { username: 'fy_bar', displayName: '孙法官', badgeNo: 'FY3001', agency: '371600FY', roles: ['case_officer'] },
  { username: 'fy_sp', displayName: '周庭长', badgeNo: 'FY3000', agency: '371600FY', roles: ['approver'] },
  { username: 'jw_jd', displayName: '吴监督', badgeNo: 'JW4001', agency: '371600JW', roles: ['inspector'] },
];

export const DEMO_LOCATIONS: ReadonlyArray<{ code: string; name: string; kind: LocationKind; parent: string | null }> = [
  { code: 'ST-ZX', name: '市中心库', kind: 'store', parent: null },
  { code: 'WH-A', name: 'A 库房', kind: 'warehouse', parent: 'ST-ZX' },
  { code: 'WH-A-Z1', name: '一般物品区', kind: 'zone', parent: 'WH-A' },
  { code: 'WH-A-Z1-S01', name: '01 号架', kind: 'shelf', parent: 'WH-A-Z1' },
  { code: 'WH-A-Z1-S02', name: '02 号架', kind: 'shelf', parent: 'WH-A-Z1' },
  { code: 'WH-A-Z2', name: '贵重物品区', kind: 'zone', parent: 'WH-A' },
  { code: 'WH-A-Z2-S01', name: '保险柜 01', kind: 'shelf', parent: 'WH-A-Z2' },
  { code: 'WH-B', name: 'B 库房（车辆）', kind: 'warehouse', parent: 'ST-ZX' },
  { code: 'WH-B-Z1', name: '车辆停放区', kind: 'zone', parent: 'WH-B' },
  { code: 'ST-BC', name: '滨城分库', kind: 'store', parent: null },
  { code: 'BC-A', name: '滨城 A 库房', kind: 'warehouse', parent: 'ST-BC' },
  { code: 'BC-A-Z1', name: '一般物品区', kind: 'zone', parent: 'BC-A' },
  { code: 'BC-A-Z1-S01', name: '01 号架', kind: 'shelf', parent: 'BC-A-Z1' },
];

/** Inserts the reference data. `passwordHash` is used for every demo user. Returns user ids by username. */
export async function seedReferenceData(db: Kysely<Database>, now: string, passwordHash: string): Promise<Record<string, number>> {
  const agencyIds: Record<string, number> = {};
  for (const a of DEMO_AGENCIES) {
    const existing = await db.selectFrom('agencies').select('id').where('code', '=', a.code).executeTakeFirst();
    agencyIds[a.code] = existing
      ? existing.id
      : (await db.insertInto('agencies').values({ ...a, parent_id: null, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
  }
  const locIds: Record<string, number> = {};
  for (const l of DEMO_LOCATIONS) {
    const existing = await db.selectFrom('locations').select('id').where('code', '=', l.code).executeTakeFirst();
    locIds[l.code] = existing
      ? existing.id
      : (
          await db
            .insertInto('locations')
            .values({ code: l.code, name: l.name, kind: l.kind, parent_id: l.parent ? locIds[l.parent]! : null, active: 1, created_at: now })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
    const id = locIds[l.code]!;
    const parent = l.parent ? await db.selectFrom('locations').select(['path', 'store_id']).where('id', '=', locIds[l.parent]!).executeTakeFirstOrThrow() : null;
    await db.updateTable('locations').set({ path: `${parent?.path ?? '/'}${id}/`, store_id: parent ? parent.store_id : id }).where('id', '=', id).execute();
  }
  const userIds: Record<string, number> = {};
  for (const u of DEMO_USERS) {
    const existing = await db.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst();
    userIds[u.username] = existing
      ? existing.id
      : (
          await db
            .insertInto('users')
            .values({
              username: u.username,
              display_name: u.displayName,
              badge_no: u.badgeNo,
              agency_id: agencyIds[u.agency]!,
              roles: JSON.stringify(u.roles),
              store_id: u.store ? locIds[u.store]! : null,
              password_hash: passwordHash,
              failed_attempts: 0,
              locked_until: null,
              must_change_password: 0,
              active: 1,
              created_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
  }
  return userIds;
}
