/** Validation messages are Chinese, name fields by their Chinese labels and say what is wrong (issue 14, part 4). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { contract } from '../../shared/api/contract';
import { formatIssues } from '../../shared/api/input-errors';
import { valueLabels } from '../../shared/api/value-labels';
import { FIELD_LABELS } from '../../shared/messages';
import { collectKeysAndEnums } from '../support/schema-walk';
import { hostileInputFor } from '../support/hostile';

const methods = Object.keys(contract) as (keyof typeof contract)[];
const inputs = methods.map((m) => contract[m].input as z.ZodType);
const { keys, enums } = collectKeysAndEnums(inputs);

/** Latin text allowed in a message: only inside these Chinese value labels (image formats, paper size). */
const ALLOWED_LATIN = /JPEG|PNG|WebP|A4/g;
/** A Latin identifier, enum code, English type name or stack frame: any run of two Latin letters, or a path like x.ts:1. */
const LEAK = /[A-Za-z_]{2,}|\.(ts|js|mjs):\d+|\bat\s/;

const messagesFor = (m: (typeof methods)[number], input: unknown) => {
  const r = (contract[m].input as z.ZodType).safeParse(input ?? {});
  return r.success ? [] : formatIssues(r.error, input ?? {});
};

describe('validation messages', () => {
  it('has a Chinese label for every field of every method', () => {
    expect([...keys].filter((k) => !FIELD_LABELS[k])).toEqual([]);
    for (const k of keys) expect(FIELD_LABELS[k]).toMatch(/^[\u4e00-\u9fff／/]+$/);
  });

  it('names the allowed values of every enum in Chinese', () => {
    for (const values of enums) expect(valueLabels(values), values.join(',')).not.toBeNull();
  });

  it('says what is wrong: wrong type, too long, too small, not an allowed value', () => {
    const msgs = (m: (typeof methods)[number], input: unknown) => messagesFor(m, input).join('\n');
    const wrongType = msgs('item.list', { holdingAgencyId: 'x', q: 5 });
    expect(wrongType).toContain('持有单位：应为数字，实际为文字');
    expect(wrongType).toContain('关键词：应为文字，实际为数字');
    expect(wrongType).not.toContain('必须填写');
    expect(msgs('case.create', { caseNo: 'A1', name: '案'.repeat(300) })).toContain('名称：太长，不能超过 200 个字');
    expect(msgs('item.list', { limit: 0 })).toContain('每页条数：不能小于 1');
    expect(msgs('item.list', { limit: 501 })).toContain('每页条数：不能大于 500');
    expect(msgs('item.get', { id: 1.5 })).toContain('编号：必须是整数');
    expect(msgs('item.get', { id: Number.NaN })).toContain('编号：不是有效的数字');
    expect(msgs('item.get', {})).toContain('编号：必须填写');
    expect(msgs('item.list', { category: ['CASH'] })).toContain('类别第 1 项：不是允许的取值，应为以下之一：现金、贵重物品');
    expect(msgs('item.list', { holdingAgencyId: 1, extra: 1, __proto__x: 2 })).toMatch(/含有 2 个无法识别的字段|^$/);
    expect(msgs('item.get', null)).toContain('编号：必须填写');
    expect(msgs('item.get', 'text')).toBe('应为一组字段，实际为文字');
  });

  it('never shows a Latin identifier, enum code, English type name or stack (property, every method)', () => {
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
    console.log(`input-messages seed=${seed} (replay: FUZZ_SEED=${seed})`);
    const arb = fc.constantFrom(...methods).chain((m) => hostileInputFor(contract[m].input as z.ZodType).map((input) => ({ m, input })));
    fc.assert(
      fc.property(arb, ({ m, input }) => {
        for (const line of messagesFor(m, input)) {
          expect(line.replace(ALLOWED_LATIN, ''), `${m}: ${line}`).not.toMatch(LEAK);
          expect(line).toMatch(/[\u4e00-\u9fff]/);
        }
      }),
      { seed, numRuns: 3000 },
    );
  });
});
