/** Adding or changing a location: kinds nest store → warehouse → zone → shelf → bin; path and store follow the parent. */
import type { Ctx } from '../../context';
import type { MethodParsedInput } from '../../../../shared/api/contract';
import { LOCATION_KIND_LABELS, LOCATION_PARENT } from '../../../../shared/domain/enums';
import { badInput, conflict, notFound } from '../../errors';

export async function saveLocation(ctx: Ctx, l: MethodParsedInput<'location.save'>): Promise<number> {
  const dup = await ctx.db.selectFrom('locations').select('id').where('code', '=', l.code).executeTakeFirst();
  if (dup && dup.id !== l.id) throw conflict(`库位编码「${l.code}」已存在`);
  const wantParent = LOCATION_PARENT[l.kind];
  if (wantParent === null && l.parentId) throw badInput(`${LOCATION_KIND_LABELS[l.kind]}是最上一级，不能有上级库位`);
  const parent = l.parentId ? await ctx.db.selectFrom('locations').select(['id', 'kind', 'path', 'store_id']).where('id', '=', l.parentId).executeTakeFirst() : undefined;
  if (wantParent !== null && (!parent || parent.kind !== wantParent)) {
    throw badInput(`${LOCATION_KIND_LABELS[l.kind]}必须放在一个${LOCATION_KIND_LABELS[wantParent]}之下`);
  }
  if (l.id) {
    const cur = await ctx.db.selectFrom('locations').select(['id', 'kind', 'parent_id']).where('id', '=', l.id).executeTakeFirst();
    if (!cur) throw notFound('库位');
    if (cur.parent_id !== (l.parentId ?? null) || cur.kind !== l.kind) {
      // Moving a subtree would move its items between stores without a transfer: refused once it is in use.
      const child = await ctx.db.selectFrom('locations').select('id').where('parent_id', '=', l.id).executeTakeFirst();
      const item = await ctx.db.selectFrom('items').select('id').where('location_id', '=', l.id).executeTakeFirst();
      if (child || item) throw conflict(`库位「${l.code}」下已有${child ? '下级库位' : '物品'}，不能改变其层级或上级`);
    }
    const path = `${parent?.path ?? '/'}${l.id}/`;
    await ctx.db
      .updateTable('locations')
      .set({ code: l.code, name: l.name, kind: l.kind, parent_id: l.parentId, active: l.active ? 1 : 0, path, store_id: parent ? parent.store_id : l.id })
      .where('id', '=', l.id)
      .execute();
    return l.id;
  }
  const row = await ctx.db
    .insertInto('locations')
    .values({ code: l.code, name: l.name, kind: l.kind, parent_id: l.parentId, active: l.active ? 1 : 0, created_at: ctx.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db
    .updateTable('locations')
    .set({ path: `${parent?.path ?? '/'}${row.id}/`, store_id: parent ? parent.store_id : row.id })
    .where('id', '=', row.id)
    .execute();
  return row.id;
}
