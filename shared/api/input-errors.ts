/**
 * Turns zod issues into Chinese lines naming the field by its Chinese label and saying what is wrong, e.g.
 * 「物品第 2 行 · 名称：不能超过 200 个字」. Never shows a field key, an enum code or an English type name.
 */
import { z } from 'zod';
import { FIELD_LABELS } from '../messages';
import { valueLabels } from './value-labels';

z.config(z.locales.zhCN());

const TYPE_NAMES: Record<string, string> = {
  string: '文字', number: '数字', int: '整数', bigint: '整数', boolean: '是/否', object: '一组字段', array: '列表',
  date: '日期', null: '空值', undefined: '未填写', nan: '非数字', function: '函数', symbol: '符号', file: '文件',
};

/** What the caller actually sent, in Chinese. */
function kindOf(v: unknown): string {
  if (v === null) return '空值';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'number') return Number.isNaN(v) ? '非数字' : Number.isFinite(v) ? '数字' : '无穷大';
  return TYPE_NAMES[typeof v] ?? '其他';
}

const num = (v: unknown) => (typeof v === 'bigint' ? v.toString() : String(v));

/** A message the contract wrote itself (e.g. 「密码至少 8 位」), as opposed to zod's generic zh-CN text. */
const isOwnMessage = (m: string) => /[\u4e00-\u9fff]/.test(m) && !/[A-Za-z]{2,}/.test(m) && !/^(无效|数值过|出现未知)|内的(键|值)无效/.test(m);

function describe(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code !== 'invalid_type' && !(issue.code === 'invalid_value' && input === undefined) && isOwnMessage(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return '必须填写';
      const want = TYPE_NAMES[issue.expected] ?? '其他类型';
      if (issue.expected === 'int' && typeof input === 'number' && Number.isFinite(input)) return '必须是整数';
      if (issue.expected === 'number' && typeof input === 'number') return Number.isNaN(input) ? '不是有效的数字' : '数值超出范围';
      return `应为${want}，实际为${kindOf(input)}`;
    }
    case 'too_small': {
      const n = num(issue.minimum);
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? '不能为空' : `至少 ${n} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return Number(issue.minimum) === 1 ? '至少选择一项' : `至少 ${n} 项`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return issue.inclusive === false ? `必须大于 ${n}` : `不能小于 ${n}`;
      return '太小';
    }
    case 'too_big': {
      const n = num(issue.maximum);
      if (issue.origin === 'string') return `太长，不能超过 ${n} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `太多，最多 ${n} 项`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return issue.inclusive === false ? `必须小于 ${n}` : `不能大于 ${n}`;
      if (issue.origin === 'file') return '文件太大';
      return '太大';
    }
    case 'invalid_value': {
      if (input === undefined) return '必须填写';
      const labels = valueLabels(issue.values);
      if (!labels) return '取值不正确';
      return labels.length === 1 ? `只能是「${labels[0]}」` : `不是允许的取值，应为以下之一：${labels.join('、')}`;
    }
    case 'invalid_format':
      return '格式不正确';
    case 'not_multiple_of':
      return `必须是 ${num(issue.divisor)} 的整数倍`;
    case 'unrecognized_keys':
      return `含有 ${issue.keys.length} 个无法识别的字段`;
    case 'invalid_union':
      return (issue as { note?: string }).note ? '不是允许的取值' : '格式不正确';
    case 'invalid_key':
    case 'invalid_element':
      return '含有无效的项';
    default:
      return '取值不正确';
  }
}

/** Chinese label of one path segment; keys the caller invented (unknown to the contract) are not echoed. */
const label = (seg: string) => (Object.prototype.hasOwnProperty.call(FIELD_LABELS, seg) ? FIELD_LABELS[seg]! : '某字段');

export function fieldPath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const next = path[i + 1];
    if (typeof seg === 'string' && typeof next === 'number') {
      // Rows of a table are 行; single values in a list (e.g. flags) are 项.
      parts.push(`${label(seg)}第 ${next + 1} ${i + 2 < path.length ? '行' : '项'}`);
      i++;
    } else if (typeof seg === 'string') parts.push(label(seg));
    else if (typeof seg === 'number') parts.push(`第 ${seg + 1} 项`);
  }
  return parts.join(' · ');
}

/** The value at `path` in what the caller sent (zod 4 leaves it out of issues by default). */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const seg of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/** `raw` is the input as sent, so a wrong type is told apart from a missing value. */
export function formatIssues(error: z.ZodError, raw?: unknown): string[] {
  return error.issues.map((i) => {
    const where = fieldPath(i.path);
    const input = 'input' in i ? i.input : valueAt(raw, i.path);
    const what = describe(i, input);
    return where ? `${where}：${what}` : what;
  });
}

/**
 * The path of the first string holding a NUL character (PostgreSQL cannot store it, and no form needs it), or null.
 * Looks 64 levels deep; deeper input fails its schema anyway.
 */
export function nulCharPath(v: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (typeof v === 'string') return v.includes('\u0000') ? path : null;
  if (v === null || typeof v !== 'object' || path.length > 64) return null;
  for (const [k, x] of Object.entries(v)) {
    const p = nulCharPath(x, [...path, Array.isArray(v) ? Number(k) : k]);
    if (p) return p;
  }
  return null;
}

/** The refusal line for a NUL character at `path`. */
export const nulCharMessage = (path: PropertyKey[]) => (path.length ? `${fieldPath(path)}：含有不允许的控制字符` : '含有不允许的控制字符');
