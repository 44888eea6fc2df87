/**
 * Witnesses for executions (two-person rule). A witness is a user confirming with their own username and password,
 * or, where allowed, a named person. Checks that write nothing run first; passwords are checked last.
 */
import type { Ctx } from '../../context';
import { AppError, badInput } from '../../errors';
import { CommittedFailure } from '../../api/handler-types';
import { verifyWitness } from '../custody/witness.service';

export type WitnessIn = { username?: string | undefined; password?: string | undefined; name?: string | undefined; idNo?: string | undefined };
export type Witness = { name: string; idNo: string | null; userId: number | null };
export type WitnessRule = {
  /** How many witnesses at least (0: optional). */
  required: number;
  /** Each witness must be a user confirming with their password (destruction, cash). */
  credentials: boolean;
  /** What is being witnessed, for messages (e.g. 销毁). */
  what: string;
};

const norm = (s: string | undefined | null) => (s ?? '').trim().toLowerCase();

/** Same user, or same name with no ID number to tell them apart (or the same ID number). */
function samePerson(a: Witness, b: Witness): boolean {
  if (a.userId !== null && b.userId !== null) return a.userId === b.userId;
  if (norm(a.name) !== norm(b.name)) return false;
  return !a.idNo || !b.idNo || norm(a.idNo) === norm(b.idNo);
}

/** Structure, count and distinctness: no database writes. */
export function checkWitnessShape(ctx: Ctx, list: WitnessIn[], rule: WitnessRule): void {
  if (list.length < rule.required) {
    throw badInput(`${rule.what}须有 ${rule.required} 名不同的见证人（现有 ${list.length} 名）${rule.credentials ? '，且每人须输入本人账号和密码确认' : ''}`);
  }
  const keys: string[] = [];
  list.forEach((w, i) => {
    const n = `第 ${i + 1} 位见证人`;
    if (w.username) {
      if (!w.password) throw badInput(`${n}（${w.username}）须输入本人密码确认`);
      if (norm(w.username) === norm(ctx.user.username)) throw badInput(`见证人不能是执行人本人（${ctx.user.displayName}）`);
      keys.push(`u:${norm(w.username)}`);
    } else {
      if (rule.credentials) throw badInput(`${rule.what}的见证人须由系统用户输入本人账号和密码确认：${n}未填写账号`);
      if (!w.name) throw badInput(`${n}须填写姓名`);
      if (norm(w.name) === norm(ctx.user.displayName) && (!w.idNo || norm(w.idNo) === norm(ctx.user.badgeNo))) {
        throw badInput(`见证人不能是执行人本人（${ctx.user.displayName}）`);
      }
      keys.push(`n:${norm(w.name)}|${norm(w.idNo)}`);
    }
  });
  const dup = keys.findIndex((k, i) => keys.indexOf(k) !== i);
  if (dup >= 0) {
    const w = list[dup]!;
    throw badInput(`见证人不能是同一人（${w.username ?? w.name}），须由两名不同的人见证`);
  }
}

/**
 * Checks each user witness's password (witness.service). A wrong password counts towards that user's lockout,
 * so the caller returns the error as a CommittedFailure (nothing else may have been written yet).
 */
export async function confirmWitnesses(ctx: Ctx, list: WitnessIn[]): Promise<{ ok: true; witnesses: Witness[] } | { ok: false; error: AppError }> {
  const out: Witness[] = [];
  const ids = new Set<number>();
  for (const [i, w] of list.entries()) {
    if (!w.username) {
      out.push({ name: w.name!, idNo: w.idNo ?? null, userId: null });
      continue;
    }
    // verifyWitness refuses the actor and admins; a wrong password comes back as a CommittedFailure.
    const r = await verifyWitness(ctx, { username: w.username, password: w.password ?? '' });
    if (r instanceof CommittedFailure) return { ok: false, error: new AppError(r.error.code, `第 ${i + 1} 位${r.error.message}`) };
    if (ids.has(r.userId)) throw badInput(`见证人不能是同一人（${r.person.name}），须由两名不同的人见证`);
    ids.add(r.userId);
    out.push({ name: r.person.name, idNo: r.person.idNo ?? null, userId: r.userId });
  }
  // A user witness and a named witness can be the same person (赵保管 by account, then 赵保管 by name).
  out.forEach((w, i) => {
    const same = out.slice(0, i).find((o) => samePerson(o, w));
    if (same) throw badInput(`见证人不能是同一人（${w.name}），须由两名不同的人见证；同名的不同人员请填写各自的证件号码`);
  });
  return { ok: true, witnesses: out };
}
