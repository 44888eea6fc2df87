/** Agencies, users and locations: the admin's master data. */
import type { HandlerMap } from '../../api/handler-types';
import type { Ctx } from '../../context';
import type { AgencyKind, Role } from '../../../../shared/domain/enums';
import { roleConflict } from '../../../../shared/domain/permissions';
import type { AgencyDto, UserDto } from '../../../../shared/api/admin.contract';
import { generatePassword, hashPassword } from '../../auth/password';
import { parseRoles } from '../../auth/session.service';
import { badInput, conflict, notFound } from '../../errors';
import type { AgencyRow, LocationRow } from '../../db/schema';
import { saveLocation } from '../stores/location.save';
import { locationDtos, locationsChanged } from '../stores/location.list';
import { clearAccount, lockedUsernames } from '../../auth/throttle';
import { appendSecurityEvent } from '../security/security.log';
import { ROLE_LABELS } from '../../../../shared/domain/enums';
import type { SecurityEventKind } from '../../../../shared/domain/security';
import type { UserRow } from '../../db/schema';

/** An admin action on a user: in the security log, under that user. */
async function logUserEvent(ctx: Ctx, kind: SecurityEventKind, userId: number, username: string, detail: Record<string, unknown>) {
  await appendSecurityEvent(ctx.db, {
    kind,
    at: ctx.now,
    actor: { id: ctx.user.id, name: ctx.user.displayName },
    subject: { id: userId, name: username },
    client: ctx.client ?? null,
    detail,
  });
}

/** What a save changed that matters for security: roles, agency, store, enabled, username. */
function userChanges(
  before: UserRow,
  after: { username: string; agencyId: number; roles: Role[]; storeId: number | null; active: boolean },
  nameOf: (table: 'agency' | 'store', id: number | null) => string,
): string[] {
  const out: string[] = [];
  const rolesText = (rs: Role[]) => rs.map((r) => ROLE_LABELS[r]).join('、') || '无';
  const beforeRoles = parseRoles(before.roles);
  if ([...beforeRoles].sort().join() !== [...after.roles].sort().join()) out.push(`角色：${rolesText(beforeRoles)} → ${rolesText(after.roles)}`);
  if (before.agency_id !== after.agencyId) out.push(`所属单位：${nameOf('agency', before.agency_id)} → ${nameOf('agency', after.agencyId)}`);
  if (before.store_id !== after.storeId) out.push(`所在库：${nameOf('store', before.store_id)} → ${nameOf('store', after.storeId)}`);
  if ((before.active === 1) !== after.active) out.push(after.active ? '启用账号' : '停用账号');
  if (before.username !== after.username) out.push(`用户名：${before.username} → ${after.username}`);
  return out;
}

const agencyDto = (a: AgencyRow): AgencyDto => ({ id: a.id, code: a.code, name: a.name, kind: a.kind as AgencyKind, parentId: a.parent_id });

async function userDtos(ctx: Ctx, id?: number): Promise<UserDto[]> {
  let q = ctx.db
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .leftJoin('locations as st', 'st.id', 'u.store_id')
    .selectAll('u')
    .select(['a.name as agency_name', 'st.name as store_name']);
  if (id) q = q.where('u.id', '=', id);
  const rows = await q.orderBy('u.id').execute();
  const locked = await lockedUsernames(ctx.db, new Date(ctx.now));
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    badgeNo: u.badge_no,
    agencyId: u.agency_id,
    agencyName: u.agency_name,
    roles: parseRoles(u.roles),
    storeId: u.store_id,
    storeName: u.store_name,
    active: u.active === 1,
    locked: locked.has(u.username.toLowerCase()),
  }));
}

/** "A 库房 / B 区 / 03 架" for every location, from one read of the (small) table. */
export async function locationPaths(ctx: Pick<Ctx, 'db'>): Promise<Map<number, { row: LocationRow; path: string }>> {
  const rows = await ctx.db.selectFrom('locations').selectAll().execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<number, { row: LocationRow; path: string }>();
  for (const r of rows) {
    const names: string[] = [];
    for (let cur: LocationRow | undefined = r, guard = 0; cur && guard < 10; cur = cur.parent_id ? byId.get(cur.parent_id) : undefined, guard++) {
      names.unshift(cur.name);
    }
    out.set(r.id, { row: r, path: names.join(' / ') });
  }
  return out;
}

/** A custodian works in exactly one store (保管中心 or 分库). */
async function recordAssignment(ctx: Ctx, userId: number, storeId: number): Promise<void> {
  await ctx.db.insertInto('custodian_assignments').values({ user_id: userId, store_id: storeId, assigned_at: ctx.now }).execute();
}

async function custodianStore(ctx: Ctx, storeId: number | null): Promise<number> {
  if (storeId === null) throw badInput('保管员必须指定所在的保管中心或分库');
  const store = await ctx.db.selectFrom('locations').select(['kind', 'active']).where('id', '=', storeId).executeTakeFirst();
  if (!store || store.kind !== 'store') throw badInput('所选的保管场所不存在，或不是保管中心/分库');
  if (!store.active) throw badInput('所选的保管中心/分库已停用');
  return storeId;
}

export const adminHandlers: HandlerMap<
  'agency.list' | 'agency.save' | 'user.list' | 'user.directory' | 'user.save' | 'user.resetPassword' | 'user.unlock' | 'location.list' | 'location.save'
> = {
  'agency.list': async (ctx) => (await ctx.db.selectFrom('agencies').selectAll().orderBy('id').execute()).map(agencyDto),

  'agency.save': async (ctx, a) => {
    const dup = await ctx.db
      .selectFrom('agencies')
      .select('id')
      .where((eb) => eb.or([eb('code', '=', a.code), eb('name', '=', a.name)]))
      .executeTakeFirst();
    if (dup && dup.id !== a.id) throw conflict(`单位代码「${a.code}」或名称「${a.name}」已被使用`);
    if (a.parentId && a.parentId === a.id) throw badInput('上级单位不能是自己');
    if (a.id) {
      const r = await ctx.db.updateTable('agencies').set({ code: a.code, name: a.name, kind: a.kind, parent_id: a.parentId }).where('id', '=', a.id).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw notFound('单位');
      return agencyDto(await ctx.db.selectFrom('agencies').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow());
    }
    const row = await ctx.db
      .insertInto('agencies')
      .values({ code: a.code, name: a.name, kind: a.kind, parent_id: a.parentId, created_at: ctx.now })
      .returningAll()
      .executeTakeFirstOrThrow();
    return agencyDto(row);
  },

  'user.list': async (ctx) => userDtos(ctx),

  'user.directory': async (ctx, { agencyId }) => {
    let q = ctx.db.selectFrom('users').select(['id', 'display_name', 'badge_no', 'agency_id', 'roles']).where('active', '=', 1);
    if (agencyId) q = q.where('agency_id', '=', agencyId);
    const rows = await q.orderBy('display_name').execute();
    return rows.map((u) => ({ id: u.id, displayName: u.display_name, badgeNo: u.badge_no, agencyId: u.agency_id, roles: parseRoles(u.roles) }));
  },

  'user.save': async (ctx, u) => {
    const agency = await ctx.db.selectFrom('agencies').select('id').where('id', '=', u.agencyId).executeTakeFirst();
    if (!agency) throw notFound('所属单位');
    const dup = await ctx.db.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst();
    if (dup && dup.id !== u.id) throw conflict(`用户名「${u.username}」已存在`);
    if (u.id === ctx.user.id && (!u.active || !u.roles.includes('admin'))) throw badInput('不能停用自己或取消自己的管理员角色');
    const conflictMsg = roleConflict(u.roles);
    if (conflictMsg) throw badInput(`用户「${u.username}」的角色设置有误：${conflictMsg}`);
    const roles = JSON.stringify([...new Set<Role>(u.roles)]);
    const storeId = u.roles.includes('custodian') ? await custodianStore(ctx, u.storeId) : null;
    if (u.id) {
      const before = await ctx.db.selectFrom('users').selectAll().where('id', '=', u.id).executeTakeFirst();
      // A custodian put in a store (or moved): the store's count warning starts from now.
      if (storeId !== null && before && before.store_id !== storeId) await recordAssignment(ctx, u.id, storeId);
      const r = await ctx.db
        .updateTable('users')
        .set({ username: u.username, display_name: u.displayName, badge_no: u.badgeNo ?? null, agency_id: u.agencyId, roles, store_id: storeId, active: u.active ? 1 : 0 })
        .where('id', '=', u.id)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw notFound('用户');
      if (!u.active) await ctx.db.deleteFrom('sessions').where('user_id', '=', u.id).execute();
      const agencies = new Map((await ctx.db.selectFrom('agencies').select(['id', 'name']).execute()).map((a) => [a.id, a.name]));
      const stores = new Map((await ctx.db.selectFrom('locations').select(['id', 'name']).where('kind', '=', 'store').execute()).map((l) => [l.id, l.name]));
      const nameOf = (t: 'agency' | 'store', id: number | null) => (id === null ? '无' : ((t === 'agency' ? agencies : stores).get(id) ?? `#${id}`));
      const changes = userChanges(before!, { ...u, roles: JSON.parse(roles) as Role[], storeId }, nameOf);
      if (changes.length) await logUserEvent(ctx, 'user_changed', u.id, u.username, { note: changes.join('；') });
      return { user: (await userDtos(ctx, u.id))[0]! };
    }
    const initialPassword = generatePassword();
    const row = await ctx.db
      .insertInto('users')
      .values({
        username: u.username,
        display_name: u.displayName,
        badge_no: u.badgeNo ?? null,
        agency_id: u.agencyId,
        roles,
        store_id: storeId,
        password_hash: hashPassword(initialPassword),
        failed_attempts: 0,
        locked_until: null,
        must_change_password: 1,
        active: u.active ? 1 : 0,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (storeId !== null) await recordAssignment(ctx, row.id, storeId);
    await logUserEvent(ctx, 'user_created', row.id, u.username, { note: `角色：${JSON.parse(roles).map((r: Role) => ROLE_LABELS[r]).join('、')}；须修改初始密码` });
    return { user: (await userDtos(ctx, row.id))[0]!, initialPassword };
  },

  'user.resetPassword': async (ctx, { id }) => {
    const password = generatePassword();
    const r = await ctx.db
      .updateTable('users')
      .set({ password_hash: hashPassword(password), must_change_password: 1, failed_attempts: 0, locked_until: null })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw notFound('用户');
    await ctx.db.deleteFrom('sessions').where('user_id', '=', id).execute();
    const target = await ctx.db.selectFrom('users').select('username').where('id', '=', id).executeTakeFirstOrThrow();
    await clearAccount(ctx.db, target.username);
    await logUserEvent(ctx, 'password_reset', id, target.username, { note: '临时密码，须由本人登录后修改才能办理业务' });
    return { password };
  },

  'user.unlock': async (ctx, { id }) => {
    const r = await ctx.db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', id).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw notFound('用户');
    const target = await ctx.db.selectFrom('users').select('username').where('id', '=', id).executeTakeFirstOrThrow();
    await clearAccount(ctx.db, target.username);
    await logUserEvent(ctx, 'user_unlocked', id, target.username, {});
    return { ok: true };
  },

  'location.list': async (ctx) => locationDtos(ctx),

  'location.save': async (ctx, l) => {
    const id = await saveLocation(ctx, l);
    locationsChanged(ctx);
    return (await locationDtos(ctx, { fresh: true })).find((x) => x.id === id)!;
  },
};
