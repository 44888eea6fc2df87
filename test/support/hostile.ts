/** Test-only: fast-check arbitraries for hostile API inputs, shaped by each method's input schema. */
import fc from 'fast-check';
import type { z } from 'zod';

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

/** An object whose own key is literally "__proto__" (as JSON.parse makes it), plus a constructor trick. */
const protoObjects = [
  JSON.parse('{"__proto__":{"isAdmin":true,"roles":["admin"]},"id":1}') as unknown,
  JSON.parse('{"constructor":{"prototype":{"polluted":1}}}') as unknown,
];
let deep: unknown = 1;
for (let i = 0; i < 3000; i++) deep = i % 2 ? [deep] : { a: deep };

const HOSTILE_STRINGS = [
  '', ' ', '\t\n', '__proto__', 'constructor', 'toString', "'; DROP TABLE items; --", "1' OR '1'='1", '%', '_', '\\',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '\uD800', 'a\uDFFF\uD800b', '\u0000', '\u202E反转',
  '１２３４５', 'ＡＢＣ－００１', '　', '../../etc/passwd', '2026-13-45T99:99:99Z', 'NaN', 'Infinity', '-1', '1e309',
  '０x7fffffff', '𠀀𠀁', '🙂'.repeat(60), 'x'.repeat(201), '案'.repeat(501), 'x'.repeat(70_000),
];
export const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, NaN, Infinity, -Infinity, -0, 0, -1, 1, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, 1.5, Number.MIN_VALUE, true, false),
  fc.constantFrom<unknown>(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom<unknown>(...protoObjects, deep),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, hostileScalar, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('id', 'a', '__proto__', 'itemIds', 'q'), tie('v'), { maxKeys: 3 })),
})).v;

/** Values that pass a schema node's type, so the hostile part reaches deeper checks and the services. */
function plausible(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  if (depth > 6) return hostileScalar;
  switch (d.type) {
    case 'number':
      return fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(0, -1, 1e12, 0.5, 2 ** 31));
    case 'string':
      return fc.oneof(fc.constantFrom('A001', '测试', '2026-11-20T02:00:00.000Z', 'ZX-A-01-01', 'SW'), fc.constantFrom(...HOSTILE_STRINGS));
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries as Record<string, unknown>));
    case 'literal':
      return fc.constantFrom(...(d.values as unknown[]));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'catch':
    case 'prefault':
      return fc.oneof(plausible(d.innerType, depth + 1), fc.constant(undefined));
    case 'pipe':
      return plausible(d.in, depth + 1);
    case 'array':
      return fc.array(fc.oneof(plausible(d.element, depth + 1), hostileScalar), { maxLength: 3 });
    case 'union':
      return fc.oneof(...(d.options as unknown[]).map((o) => plausible(o, depth + 1)));
    case 'object': {
      const shape = d.shape as Record<string, unknown>;
      const keys = Object.keys(shape);
      if (keys.length === 0) return fc.constant({});
      const field = (k: string) => fc.oneof({ weight: 4, arbitrary: plausible(shape[k], depth + 1) }, { weight: 1, arbitrary: hostileValue });
      return fc.record(Object.fromEntries(keys.map((k) => [k, field(k)])), { requiredKeys: [] });
    }
    default:
      return hostileValue;
  }
}

/** Inputs for one method: mostly schema-shaped with hostile parts, sometimes anything at all. */
export function hostileInputFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: plausible(schema) }, { weight: 1, arbitrary: hostileValue });
}

/** Every string inside a value (to tell an echo of the caller's own text from a leaked identifier). */
export function stringsIn(v: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 50) return out;
  if (typeof v === 'string') out.push(v);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) stringsIn(x, out, depth + 1);
  return out;
}
