/**
 * Two-person rule: a second user confirms with their own username and password.
 * A wrong witness password is returned as a CommittedFailure so that the failed-attempt count
 * (and the throttle, keyed by the session's user so the witness's own logins are untouched) persists, exactly as for login; callers verify the witness BEFORE
 * writing anything, so the committed transaction then holds only that count and no custody event.
 */
import type { Ctx } from '../../context';
import type { Person } from '../../../../shared/api/common.schemas';
import { CommittedFailure } from '../../api/handler-types';
import { checkCredentials, parseRoles } from '../../auth/session.service';
import { witnessKeys } from '../../auth/throttle';
import { logCredentialFailure } from '../auth/auth.service';
import { AppError, badInput } from '../../errors';

export type Witness = { person: Person; userId: number };

export async function verifyWitness(ctx: Ctx, w: { username: string; password: string }): Promise<Witness | CommittedFailure> {
  if (w.username === ctx.user.username) throw badInput('见证人不能是操作人本人，须由另一名工作人员输入本人账号和密码见证');
  const r = await checkCredentials(ctx.db, w.username, w.password, new Date(ctx.now), witnessKeys(w.username, ctx.user.id));
  if (!r.ok) {
    await logCredentialFailure(ctx, r, w.username, 'witness_failed', { note: r.outcome === 'locked' ? '见证人账号在此会话中已锁定' : '见证人密码错误' });
    // Not UNAUTHENTICATED: the caller's own session is fine, only the witness's password is wrong.
    const code = r.error.code === 'LOCKED' ? 'LOCKED' : 'BAD_INPUT';
    return new CommittedFailure(new AppError(code, `见证人「${w.username}」：${r.error.message}，操作未生效`));
  }
  if (r.user.id === ctx.user.id) throw badInput('见证人不能是操作人本人，须由另一名工作人员输入本人账号和密码见证');
  if (r.user.must_change_password === 1) throw badInput(`见证人「${r.user.display_name}」仍在使用初始密码或重置后的密码，须先登录修改密码才能担任见证人`);
  const roles = parseRoles(r.user.roles);
  if (roles.includes('admin')) throw badInput(`「${r.user.display_name}」是系统管理员，不参与保管业务，不能担任见证人`);
  return { person: { name: r.user.display_name, idNo: r.user.badge_no }, userId: r.user.id };
}
