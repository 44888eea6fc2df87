/** Turns zod issues into Chinese lines naming the field, e.g. 「物品第 2 行 · 名称：不能为空」. */
import { z } from 'zod';
import { FIELD_LABELS } from '../messages';

z.config(z.locales.zhCN());

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) return '不能为空';
  if (issue.code === 'invalid_type' && issue.input === undefined) return '必须填写';
  if (issue.code === 'unrecognized_keys') return `含有无法识别的字段 ${issue.keys.join('、')}`;
  return issue.message;
}

export function fieldPath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const next = path[i + 1];
    if (typeof seg === 'string' && typeof next === 'number') {
      parts.push(`${FIELD_LABELS[seg] ?? seg}第 ${next + 1} 行`);
      i++;
    } else if (typeof seg === 'string') parts.push(FIELD_LABELS[seg] ?? seg);
    else if (typeof seg === 'number') parts.push(`第 ${seg + 1} 项`);
  }
  return parts.join(' · ');
}

export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const where = fieldPath(i.path);
    return where ? `${where}：${describe(i)}` : describe(i);
  });
}
