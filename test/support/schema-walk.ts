/** Test-only: walks the zod schemas of the contract (zod 4 internals) to list field keys and enum value sets. */
import type { z } from 'zod';

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

/** Calls `visit` for every schema node reachable from `schema`, with the object key that led to it. */
export function walkSchema(schema: z.ZodType, visit: (def: Def, key: string | null) => void): void {
  const seen = new Set<unknown>();
  const go = (s: unknown, key: string | null) => {
    if (!s || seen.has(s)) return;
    seen.add(s);
    const d = defOf(s);
    visit(d, key);
    switch (d.type) {
      case 'object':
        for (const [k, v] of Object.entries(d.shape as Record<string, unknown>)) go(v, k);
        if (d.catchall) go(d.catchall, key);
        break;
      case 'array':
        go(d.element, key);
        break;
      case 'union':
        for (const o of d.options as unknown[]) go(o, key);
        break;
      case 'intersection':
        go(d.left, key);
        go(d.right, key);
        break;
      case 'record':
        go(d.keyType, key);
        go(d.valueType, key);
        break;
      case 'pipe':
        go(d.in, key);
        go(d.out, key);
        break;
      case 'tuple':
        for (const i of d.items as unknown[]) go(i, key);
        break;
      case 'lazy':
        go((d.getter as () => unknown)(), key);
        break;
      default:
        if (d.innerType) go(d.innerType, key);
    }
  };
  go(schema, null);
}

/** Every object key and every enum value set in the given schemas. */
export function collectKeysAndEnums(schemas: z.ZodType[]): { keys: Set<string>; enums: string[][] } {
  const keys = new Set<string>();
  const enums: string[][] = [];
  for (const s of schemas)
    walkSchema(s, (d, key) => {
      if (key) keys.add(key);
      if (d.type === 'enum') enums.push(Object.values(d.entries as Record<string, string>));
    });
  return { keys, enums };
}
