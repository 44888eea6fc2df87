/**
 * Item photos: files live at <dataDir>/photos/<sha256>.<ext> (content-addressed, so identical photos share
 * one file); the row and a PHOTOGRAPHED event record the hash, and reading checks it again.
 */
import { assertItemVisible, canSeeItem } from '../../access/visibility';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HandlerMap } from '../../api/handler-types';
import type { Ctx } from '../../context';
import type { ItemRow } from '../../db/schema';
import { PHOTO_MAX_BYTES, PHOTO_MIMES, type PhotoDto } from '../../../../shared/api/custody.contract';
import { AppError, badInput, conflict, forbidden } from '../../errors';
import { applyItemEvent } from '../custody/custody';
import { findItemById, itemLabel } from '../custody/custody.lookup';

type PhotoMime = (typeof PHOTO_MIMES)[number];
const EXT: Record<PhotoMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const MIME_LABEL: Record<PhotoMime, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' };

const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

function photoDir(ctx: Ctx): string {
  if (!ctx.config.dataDir) throw new AppError('INTERNAL', '未配置数据目录，无法保存或读取照片，请联系管理员');
  return join(ctx.config.dataDir, 'photos');
}

const photoPath = (dir: string, sha: string, mime: string) => join(dir, `${sha}.${EXT[mime as PhotoMime] ?? 'bin'}`);

/** Decodes strict base64 (a data: URL prefix is tolerated). */
function decodeBase64(s: string): Buffer {
  const body = s.replace(/^data:[^;,]*;base64,/, '').replace(/\s+/g, '');
  if (body.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(body)) throw badInput('照片内容不是有效的 base64 编码');
  return Buffer.from(body, 'base64');
}

/** The image type the bytes really are, from their signature. */
function sniffMime(buf: Buffer): PhotoMime | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** Officers may photograph only their own agency's items; custodians any item in the store. */
async function assertMayPhotograph(ctx: Ctx, item: ItemRow): Promise<void> {
  await assertItemVisible(ctx, item.id);
  if (ctx.user.roles.includes('custodian')) return;
  if (item.holding_agency_id === ctx.user.agencyId) return;
  throw forbidden(`${itemLabel(item)} 不属于本单位，不能为其添加照片`);
}

/** Writes the file unless an intact copy is already there (temp file + rename, so no half-written photo). */
async function storeFile(path: string, buf: Buffer, sha: string): Promise<void> {
  const existing = await readFile(path).catch(() => null);
  if (existing && sha256(existing) === sha) return;
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, buf);
  await rename(tmp, path);
}

async function photoDtos(ctx: Ctx, where: { itemId?: number; id?: number }): Promise<PhotoDto[]> {
  let q = ctx.db
    .selectFrom('item_photos as p')
    .innerJoin('users as u', 'u.id', 'p.created_by')
    .select(['p.id', 'p.item_id', 'p.sha256', 'p.mime', 'p.size', 'p.created_at', 'u.display_name']);
  if (where.itemId !== undefined) q = q.where('p.item_id', '=', where.itemId);
  if (where.id !== undefined) q = q.where('p.id', '=', where.id);
  const rows = await q.orderBy('p.id').execute();
  return rows.map((r) => ({
    id: r.id,
    itemId: r.item_id,
    sha256: r.sha256,
    mime: r.mime as PhotoMime,
    size: r.size,
    createdAt: r.created_at,
    createdByName: r.display_name,
  }));
}

export const photoHandlers: HandlerMap<'photo.add' | 'photo.list' | 'photo.get'> = {
  'photo.add': async (ctx, { itemId, mime, base64 }) => {
    const dir = photoDir(ctx);
    const item = await findItemById(ctx, itemId);
    await assertMayPhotograph(ctx, item);
    const buf = decodeBase64(base64);
    if (buf.length === 0) throw badInput('照片内容为空');
    if (buf.length > PHOTO_MAX_BYTES) throw badInput(`照片大小 ${(buf.length / 1048576).toFixed(1)} MB，超过 ${PHOTO_MAX_BYTES / 1048576} MB 上限，请压缩后再上传`);
    const actual = sniffMime(buf);
    if (actual !== mime) throw badInput(`照片内容不是 ${MIME_LABEL[mime]} 图片${actual ? `（实际为 ${MIME_LABEL[actual]}）` : ''}，请重新选择文件`);
    const sha = sha256(buf);
    const dup = await ctx.db.selectFrom('item_photos').select('id').where('item_id', '=', item.id).where('sha256', '=', sha).executeTakeFirst();
    if (dup) throw conflict(`${itemLabel(item)} 已有相同的照片（编号 ${dup.id}），无需重复添加`);

    const row = await ctx.db
      .insertInto('item_photos')
      .values({ item_id: item.id, sha256: sha, mime, size: buf.length, created_by: ctx.user.id, created_at: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The state machine refuses photos of closed items; the event is the tamper-evident record of the hash.
    const { event } = await applyItemEvent(ctx, item, {
      type: 'PHOTOGRAPHED',
      note: `添加照片（${MIME_LABEL[mime]}，${Math.ceil(buf.length / 1024)} KB）`,
      payload: { sha256: sha, photoId: row.id, mime, size: buf.length },
    });
    await mkdir(dir, { recursive: true });
    await storeFile(photoPath(dir, sha, mime), buf, sha);
    return { photo: (await photoDtos(ctx, { id: row.id }))[0]!, eventId: event.id };
  },

  'photo.list': async (ctx, { itemId }) => {
    await assertItemVisible(ctx, itemId);
    return photoDtos(ctx, { itemId });
  },

  'photo.get': async (ctx, { id }) => {
    const p = await ctx.db
      .selectFrom('item_photos as p')
      .innerJoin('items as i', 'i.id', 'p.item_id')
      .select(['p.sha256', 'p.mime', 'i.code', 'i.id as item_id'])
      .where('p.id', '=', id)
      .executeTakeFirst();
    if (!p || !(await canSeeItem(ctx, p.item_id))) throw new AppError('NOT_FOUND', `照片（编号 ${id}）未找到或无权查看`);
    const buf = await readFile(photoPath(photoDir(ctx), p.sha256, p.mime)).catch(() => null);
    if (!buf) throw new AppError('NOT_FOUND', `物品 ${p.code} 的照片（编号 ${id}）文件缺失，请联系管理员从备份恢复`);
    if (sha256(buf) !== p.sha256) {
      throw new AppError('CONFLICT', `物品 ${p.code} 的照片（编号 ${id}）文件已被篡改或损坏：SHA-256 与入账记录不符，请联系管理员从备份恢复`);
    }
    return { mime: p.mime as PhotoMime, base64: buf.toString('base64') };
  },
};
