/** Test-only pieces of the permission matrix: a rolled-back core, probe inputs built from each method's schema. */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { createCore, type Core } from '../../electron/core/api/dispatch';
import type { Store } from '../../electron/core/db/database';
import type { Database } from '../../electron/core/db/schema';
import type { CoreConfig } from '../../electron/core/context';

const ROLLBACK = Symbol('rollback');
type Builder = { setIsolationLevel(l: unknown): Builder; setAccessMode(m: unknown): Builder; execute<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> };

/** Every write transaction runs to its end and is then rolled back, so every cell of the matrix sees the same data. */
function rollingBack(b: Builder): Builder {
  return {
    setIsolationLevel: (l) => rollingBack(b.setIsolationLevel(l)),
    setAccessMode: (m) => rollingBack(b.setAccessMode(m)),
    async execute<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
      let out: T | undefined;
      try {
        await b.execute(async (trx) => {
          out = await fn(trx);
          throw ROLLBACK;
        });
      } catch (e) {
        if (e !== ROLLBACK) throw e;
      }
      return out as T;
    },
  };
}

export function dryRunCore(store: Store, config: CoreConfig): Core {
  const db = new Proxy(store.db, {
    get(target, prop) {
      if (prop === 'transaction') return () => rollingBack(target.transaction() as unknown as Builder);
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return createCore({ ...store, db }, config, () => {});
}

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

/** Values for fields that name records: the matrix's case, items, request, agencies and locations. */
export type Targets = Record<string, unknown> & { byMethod: (method: string) => number };

/** A plausible input for `schema`: named fields point at the targets, the rest get simple valid-looking values. */
export function probeInput(method: string, schema: z.ZodType, targets: Targets): unknown {
  const go = (s: unknown, key: string | null): unknown => {
    if (key === 'id') return targets.byMethod(method);
    if (key && key in targets) return targets[key];
    const d = defOf(s);
    switch (d.type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(d.shape as Record<string, unknown>)) {
          const optional = ['optional', 'default', 'nullable'].includes(defOf(v).type);
          if (!optional || k in targets) out[k] = go(v, k);
        }
        return out;
      }
      case 'optional':
      case 'nullable':
      case 'default':
      case 'readonly':
      case 'catch':
        return go(d.innerType, key);
      case 'pipe':
        return go(d.in, key);
      case 'array':
        return [go(d.element, key)];
      case 'union':
        return go((d.options as unknown[])[0], key);
      case 'enum':
        return Object.values(d.entries as Record<string, unknown>)[0];
      case 'literal':
        return (d.values as unknown[])[0];
      case 'boolean':
        return true;
      case 'number':
        return 1;
      case 'string':
        return key && /At$|Date$|From$|To$/.test(key) ? '2026-11-25T02:00:00.000Z' : '矩阵测试';
      default:
        return {};
    }
  };
  return go(schema, null);
}

/** The outcome of one call as the table stores it: the error code, or OK with the number of rows it saw. */
export function outcome(r: { ok: true; data: unknown } | { ok: false; error: { code: string } }): string {
  if (!r.ok) return r.error.code;
  const d = r.data as unknown;
  const rows = Array.isArray(d) ? d : Array.isArray((d as { rows?: unknown })?.rows) ? (d as { rows: unknown[] }).rows : Array.isArray((d as { items?: unknown })?.items) ? (d as { items: unknown[] }).items : null;
  return rows ? `OK:${rows.length}` : 'OK';
}
