/** Migrations live in code (a bundle has no folder to read). Append only; never edit a landed one. */
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { DialectName } from '../dialect';
import * as m0001 from './0001-core';
import * as m0002 from './0002-requests-search';
import * as m0003 from './0003-pg-exact-amounts';
import * as m0004 from './0004-holders';
import * as m0005 from './0005-stores';
import * as m0006 from './0006-indexes';
import * as m0007 from './0007-ledger-checkpoints';
import * as m0010 from './0010-stocktake';
import * as m0011 from './0011-corrections';
import * as m0012 from './0012-case-life';
import * as m0013 from './0013-ledger-anchors';
import * as m0014 from './0014-reports-supervision';
import * as m0015 from './0015-import-mappings';
import * as m0016 from './0016-security-log';
import * as m0017 from './0017-disposition-values';
import * as m0018 from './0018-lot-split';
import * as m0019 from './0019-report-daily';
import * as m0020 from './0020-backups';
import * as m0021 from './0021-items-store';
import * as m0022 from './0022-item-counts';
import * as m0023 from './0023-loan-overdue';

type CodeMigration = { up(db: Kysely<unknown>, dialect: DialectName): Promise<void> };

export const MIGRATIONS: ReadonlyArray<readonly [string, CodeMigration]> = [
  ['0001-core', m0001],
  ['0002-requests-search', m0002],
  ['0003-pg-exact-amounts', m0003],
  ['0004-holders', m0004],
  ['0005-stores', m0005],
  ['0006-indexes', m0006],
  ['0007-ledger-checkpoints', m0007],
  ['0010-stocktake', m0010],
  ['0011-corrections', m0011],
  ['0012-case-life', m0012],
  ['0013-ledger-anchors', m0013],
  ['0014-reports-supervision', m0014],
  ['0015-import-mappings', m0015],
  ['0016-security-log', m0016],
  ['0017-disposition-values', m0017],
  ['0018-lot-split', m0018],
  ['0019-report-daily', m0019],
  ['0020-backups', m0020],
  ['0021-items-store', m0021],
  ['0022-item-counts', m0022],
  ['0023-loan-overdue', m0023],
];

export class CodeMigrationProvider implements MigrationProvider {
  constructor(
    private readonly dialect: DialectName,
    private readonly upTo?: string,
  ) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of MIGRATIONS) {
      out[name] = { up: (db) => m.up(db as Kysely<unknown>, this.dialect) };
      if (name === this.upTo) break;
    }
    return out;
  }
}
