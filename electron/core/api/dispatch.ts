/** The single entry point both hosts call: validate, authorise, run in one transaction, check the output. */
import { contract, isMethodName, type MethodName } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import type { MethodDef } from '../../../shared/api/define';
import { formatIssues } from '../../../shared/api/input-errors';
import { hasPermission } from '../../../shared/domain/permissions';
import { MSG } from '../../../shared/messages';
import type { CoreConfig, Ctx, SessionUser } from '../context';
import type { Store } from '../db/database';
import { resolveSession } from '../auth/session.service';
import { lockWriters } from '../db/dialect';
import { AppError } from '../errors';
import { handlers } from './handlers';
import { CommittedFailure } from './handler-types';
import { createJobManager, type JobManager } from '../jobs/job.manager';

export type Core = {
  store: Store;
  config: CoreConfig;
  jobs: JobManager;
  dispatch(token: string | null, method: string, rawInput: unknown): Promise<ApiResult<unknown>>;
};

/** A password the admin saw (initial or reset) lets its holder do nothing else until it is changed. */
const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<string> = new Set(['auth.changePassword', 'auth.logout', 'auth.me']);

const fail = (e: AppError): ApiResult<never> => ({
  ok: false,
  error: e.details?.length ? { code: e.code, message: e.message, details: e.details } : { code: e.code, message: e.message },
});

/** Database constraint errors that mean "someone else got there first", not a bug. */
function isConstraintError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  // 23505 unique violation, 40001 serialization failure, 40P01 deadlock (PostgreSQL); busy or constraint (SQLite).
  return typeof code === 'string' && (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_BUSY' || ['23505', '40001', '40P01'].includes(code));
}

export function createCore(store: Store, config: CoreConfig, log: (msg: string, err?: unknown) => void = console.error): Core {
  const jobs = createJobManager(store, config, log);
  async function dispatch(token: string | null, method: string, rawInput: unknown): Promise<ApiResult<unknown>> {
    if (!isMethodName(method)) return fail(new AppError('UNKNOWN_METHOD', MSG.unknownMethod(method)));
    const def = contract[method];
    const now = config.clock();
    try {
      let user: SessionUser | null = null;
      if (def.permission !== 'public') {
        user = await resolveSession(store.db, token, now);
        if (!user) return fail(new AppError('UNAUTHENTICATED', MSG.notSignedIn));
        if (user.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(method)) return fail(new AppError('PASSWORD_CHANGE_REQUIRED', MSG.mustChangePassword));
        if (!hasPermission(user.roles, def.permission)) return fail(new AppError('FORBIDDEN', MSG.forbidden(def.summary)));
      }
      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) return fail(new AppError('BAD_INPUT', MSG.badInput, formatIssues(parsed.error)));

      const handler = handlers[method as MethodName] as (ctx: Ctx, input: unknown) => Promise<unknown>;
      let committedFailure: AppError | null = null;
      // Read-only methods skip the write transaction, so a long export does not hold other terminals' writes.
      const run = <T>(fn: (db: typeof store.db) => Promise<T>) =>
        (def as MethodDef).readonly
          ? fn(store.db)
          : store.db.transaction().execute(async (trx) => {
              await lockWriters(store.dialect, trx);
              return fn(trx);
            });
      const data = await run(async (trx) => {
        const ctx = { db: trx, dialect: store.dialect, user: user as SessionUser, session: token && user ? { token, user } : null, config, now: now.toISOString(), jobs };
        const out = await handler(ctx, parsed.data);
        if (out instanceof CommittedFailure) {
          committedFailure = out.error;
          return null;
        }
        const checked = def.output.safeParse(out);
        if (!checked.success) {
          log(`[dispatch] ${method}: output does not match the contract: ${formatIssues(checked.error).join('; ')}`);
          throw new AppError('INTERNAL', MSG.badOutput);
        }
        return checked.data;
      });
      if (committedFailure) return fail(committedFailure);
      return { ok: true, data };
    } catch (err) {
      if (err instanceof AppError) return fail(err);
      if (isConstraintError(err)) {
        log(`[dispatch] ${method}: constraint`, err);
        return fail(new AppError('CONFLICT', MSG.conflictRetry));
      }
      log(`[dispatch] ${method} failed`, err);
      return fail(new AppError('INTERNAL', MSG.internal));
    }
  }
  return { store, config, jobs, dispatch };
}
