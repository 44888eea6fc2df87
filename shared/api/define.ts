import type { z } from 'zod';
import type { Permission } from '../domain/permissions';

export type MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  input: I;
  output: O;
  permission: Permission;
  /** zh-CN one-liner shown in logs and docs. */
  summary: string;
  /** Largest accepted request body in bytes (photos need more). */
  maxBytes?: number;
  /** Writes nothing: may run outside a write transaction. */
  readonly?: boolean;
};

export function defineMethods<T extends Record<string, MethodDef>>(methods: T): T {
  return methods;
}
