/** Reusable zod pieces for the contract. */
import { z } from 'zod';
import { AGENCY_KINDS, ITEM_STATUSES, EVENT_TYPES, ROLES, LOCATION_KINDS } from '../domain/enums';

/** Largest row id or sequence number (PostgreSQL integer): a larger one is refused as input, not a database error. */
export const MAX_INT = 2_147_483_647;
export const id = z.number().int().positive().max(MAX_INT);
export const text = (max = 200) => z.string().trim().min(1).max(max);
export const optText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? undefined : v))
    .optional();
export const isoDateTime = z.string().refine((v) => !Number.isNaN(Date.parse(v)), { message: '日期时间格式不正确' });
export const role = z.enum(ROLES);
export const agencyKind = z.enum(AGENCY_KINDS);
export const itemStatus = z.enum(ITEM_STATUSES);
export const eventType = z.enum(EVENT_TYPES);
export const locationKind = z.enum(LOCATION_KINDS);
export const empty = z.object({}).strict();
export const okOut = z.object({ ok: z.literal(true) });

export const page = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

/** A person on the other side of a handover: name plus ID or badge no. */
export const person = z.object({ name: text(50), idNo: optText(40) });
export type Person = { name: string; idNo?: string | null };

/** A generated file (PDF, Excel) travelling over IPC or HTTP. */
export const fileOut = z.object({
  fileName: z.string(),
  mime: z.string(),
  base64: z.string(),
  serialNo: z.string().optional(),
});
export type FileOut = z.infer<typeof fileOut>;
