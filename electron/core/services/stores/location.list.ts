/**
 * location.list: every location with its path and its in-store item count over its subtree.
 * The counts come from location_counts (0022, kept by triggers on items); the paths need every location, so the built
 * list is still kept per core and reused while nothing it shows can have changed:
 * - items move or change status only through ledger events, so the ledger head's seq covers every count;
 * - locations are added (count, highest id, from any process) or edited through location.save in this process, which
 *   calls locationsChanged.
 * A custodian's view is the cached list filtered to their store.
 */
import type { Ctx } from '../../context';
import type { CoreConfig } from '../../context';
import type { LocationKind } from '../../../../shared/domain/enums';
import type { LocationDto } from '../../../../shared/api/admin.contract';
import { locationPaths } from '../admin/admin.handlers';
import { worksInStore } from './store.rules';

/** Statuses whose items are physically on a shelf (counted at their location). */
const ON_SHELF = ['IN_STORE', 'PENDING_DISPOSITION'] as const;

type Cached = { key: string; rows: LocationDto[] };
const cache = new WeakMap<CoreConfig, Cached>();
const edits = new WeakMap<CoreConfig, number>();

/** Called by location.save: an edited location (name, code, activity, parent) invalidates the cached list. */
export function locationsChanged(ctx: Pick<Ctx, 'config'>): void {
  edits.set(ctx.config, (edits.get(ctx.config) ?? 0) + 1);
  cache.delete(ctx.config);
}

/** What the list depends on, read in two point queries. */
async function versionKey(ctx: Pick<Ctx, 'db' | 'config'>): Promise<string> {
  const head = await ctx.db.selectFrom('ledger_head').select(['seq']).where('id', '=', 1).executeTakeFirst();
  const locs = await ctx.db
    .selectFrom('locations')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max<number>('id').as('m')])
    .executeTakeFirstOrThrow();
  return `${head?.seq ?? 0}:${locs.n}:${locs.m ?? 0}:${edits.get(ctx.config) ?? 0}`;
}

/** Every location, sorted by its id path (a parent before its children), with subtree counts. */
async function buildAll(ctx: Pick<Ctx, 'db'>): Promise<LocationDto[]> {
  const paths = await locationPaths(ctx);
  // location_counts (0022) is kept by triggers on items: one row per location and status, never a pass over items.
  const counts = await ctx.db
    .selectFrom('location_counts')
    .select(['location_id', 'n'])
    .where('status', 'in', [...ON_SHELF])
    .where('n', '<>', 0)
    .execute();
  const countOf = new Map<number, number>();
  for (const c of counts) {
    const idPath = paths.get(c.location_id)?.row.path ?? `/${c.location_id}/`;
    for (const id of idPath.split('/').filter(Boolean)) countOf.set(Number(id), (countOf.get(Number(id)) ?? 0) + Number(c.n));
  }
  const sortKey = (id: number) => paths.get(id)?.row.path ?? '';
  // Id paths hold only digits and '/': a plain comparison orders them as localeCompare would, much faster.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...paths.values()]
    .map(({ row, path }) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      kind: row.kind as LocationKind,
      parentId: row.parent_id,
      storeId: row.store_id,
      path,
      active: row.active === 1,
      itemCount: countOf.get(row.id) ?? 0,
    }))
    .sort((a, b) => cmp(sortKey(a.id), sortKey(b.id)) || a.code.localeCompare(b.code));
}

/** Locations the user may see (a custodian: their own store's), with in-store counts over each subtree. */
export async function locationDtos(ctx: Ctx, opts: { fresh?: boolean } = {}): Promise<LocationDto[]> {
  let all: LocationDto[];
  if (opts.fresh) all = await buildAll(ctx);
  else {
    const key = await versionKey(ctx);
    const hit = cache.get(ctx.config);
    if (hit?.key === key) all = hit.rows;
    else {
      all = await buildAll(ctx);
      cache.set(ctx.config, { key, rows: all });
    }
  }
  const ownStore = worksInStore(ctx.user) ? ctx.user.storeId : undefined;
  return ownStore === undefined ? all : all.filter((l) => l.storeId === ownStore);
}
