/** The security log: inspectors read, check and export it; the admin sees one user's entries in the user's record. */
import { z } from 'zod';
import { defineMethods } from './define';
import { fileOut, id, isoDateTime } from './common.schemas';
import { SECURITY_EVENT_KINDS } from '../domain/security';

export const securityEventDto = z.object({
  seq: z.number(),
  kind: z.enum(SECURITY_EVENT_KINDS),
  occurredAt: z.string(),
  actorUserId: z.number().nullable(),
  actorName: z.string().nullable(),
  subjectUserId: z.number().nullable(),
  /** The username concerned (also for attempts on names that do not exist). */
  subjectName: z.string().nullable(),
  client: z.string().nullable(),
  /** A Chinese note: what changed, how long a lock lasts, which method was refused. */
  note: z.string(),
  hash: z.string(),
});
export type SecurityEventDto = z.infer<typeof securityEventDto>;

export const securityFilter = z.object({
  kind: z.enum(SECURITY_EVENT_KINDS).optional(),
  /** Username (exact) the entry concerns or was made by. */
  username: z.string().trim().max(50).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});

/** At most this many rows go into one export. */
export const SECURITY_EXPORT_MAX_ROWS = 50_000;

export const securityContract = defineMethods({
  'security.list': {
    summary: '查看安全日志',
    permission: 'audit.read',
    input: securityFilter.extend({ beforeSeq: id.optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ rows: z.array(securityEventDto), nextBeforeSeq: z.number().nullable() }),
    readonly: true,
  },
  'security.export': { summary: '导出安全日志（Excel）', permission: 'audit.read', input: securityFilter, output: fileOut, readonly: true },
  'security.verify': {
    summary: '校验安全日志',
    permission: 'audit.read',
    input: z.object({}).strict(),
    output: z.object({ ok: z.boolean(), checked: z.number(), brokenSeq: z.number().nullable() }),
    readonly: true,
  },
  'user.securityLog': {
    summary: '查看用户的安全记录',
    permission: 'admin.manage',
    input: z.object({ id }),
    output: z.array(securityEventDto),
    readonly: true,
  },
});
