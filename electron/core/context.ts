/** What every service call gets: the transaction, the signed-in user and the clock. */
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { DialectName } from './db/dialect';
import type { Role } from '../../shared/domain/enums';
import type { JobManager } from './jobs/job.manager';
import type { AnchorKey } from './ledger/anchor.key';

export type SessionUser = {
  id: number;
  username: string;
  displayName: string;
  badgeNo: string | null;
  agencyId: number;
  agencyName: string;
  agencyKind: string;
  roles: Role[];
  /** The store a custodian works in (保管中心 or 分库); null for everyone else. */
  storeId: number | null;
  storeName: string | null;
  /** An initial or reset password is still in use: dispatch allows nothing but changing it. */
  mustChangePassword: boolean;
};

export type Session = { token: string; user: SessionUser } | null;

export type Clock = () => Date;

export type CoreConfig = {
  /** Folder for photos and other files (null: in-memory store, no files). */
  dataDir: string | null;
  clock: Clock;
  /** Folder holding NotoSansSC-Regular.ttf and NotoSansSC-Bold.ttf (null: find them in node_modules). */
  fontDir?: string | null;
  /** A session unused this long ends (default 30); every session ends 12 hours after login regardless. */
  sessionIdleMinutes?: number;
  /** The Ed25519 key that signs ledger checkpoints (a file outside the database); null: signing refused. */
  anchorKey?: AnchorKey | null;
  /** A one-document scope trail at least this large (bytes) is a job file on disk, not base64 (default 8 MiB). */
  jobFileMinBytes?: number;
  /** Old-generation heap limit of each job worker, in MB: a job past it fails instead of exhausting the machine. */
  jobHeapMb?: number;
};

export type Ctx = {
  db: Kysely<Database>;
  dialect: DialectName;
  user: SessionUser;
  session: Session;
  config: CoreConfig;
  now: string;
  /** Background jobs (absent inside a job's worker). */
  jobs?: JobManager;
  /** Where the call came from: the HTTP client address, or 'local' (desktop, tests). Keys the login throttle. */
  client?: string;
};

/** For methods that run without a session (login). */
export type PublicCtx = Omit<Ctx, 'user'> & { user: SessionUser | null };
