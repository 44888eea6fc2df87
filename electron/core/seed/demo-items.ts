/** Bulk demo data (cases, items, intake, put-away) written through the real ledger, for demos and benchmarks. */
import type { OpenedApp } from '../bootstrap';
import type { Ctx } from '../context';
import { toSessionUser } from '../auth/session.service';
import { itemHandlers } from '../services/item.handlers';
import { applyItemEvent, loadItem } from '../services/custody';
import type { ItemCategory } from '../../../shared/domain/enums';

const NAMES: Array<[string, ItemCategory, string]> = [
  ['黑色苹果手机', 'electronics', '部'], ['华为笔记本电脑', 'electronics', '台'], ['金项链', 'valuables', '条'], ['人民币现金', 'cash', '捆'],
  ['银色小米手机', 'electronics', '部'], ['管制刀具', 'weapon', '把'], ['银行卡', 'document', '张'], ['账本', 'document', '本'],
  ['电动自行车', 'vehicle', '辆'], ['玉石手镯', 'valuables', '只'], ['移动硬盘', 'electronics', '个'], ['香烟', 'general', '条'],
];
const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张';

export async function seedDemoItems(app: OpenedApp, count: number, onProgress?: (done: number) => void): Promise<{ items: number; events: number }> {
  const db = app.store.db;
  const officer = await db.selectFrom('users').selectAll().where('username', '=', 'ga_bar').executeTakeFirstOrThrow();
  const custodian = await db.selectFrom('users').selectAll().where('username', '=', 'zx_bgy').executeTakeFirstOrThrow();
  const shelves = await db.selectFrom('locations').select('id').where('kind', 'in', ['shelf', 'bin']).execute();
  const officerUser = await toSessionUser(db, officer);
  const custodianUser = await toSessionUser(db, custodian);
  const before = await db.selectFrom('ledger_head').select('seq').executeTakeFirstOrThrow();
  const perCase = 5;
  let made = 0;
  const stamp = Date.now().toString(36).toUpperCase();
  while (made < count) {
    const batch = Math.min(1000, count - made);
    await db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      const base = { db: trx, dialect: app.store.dialect, session: null, config: app.core.config, now } as const;
      const asOfficer: Ctx = { ...base, user: officerUser };
      const asCustodian: Ctx = { ...base, user: custodianUser };
      for (let i = 0; i < batch; i += perCase) {
        const n = made + i;
        const kase = await itemHandlers['case.create'](asOfficer, {
          caseNo: `A371600${stamp}${String(n / perCase).padStart(6, '0')}`,
          name: `${SURNAMES[n % SURNAMES.length]}某盗窃案`,
          cause: '盗窃',
          officerName: officerUser.displayName,
        });
        if (!('id' in kase)) throw new Error('case.create failed');
        const items = await itemHandlers['item.register'](asOfficer, {
          caseId: kase.id,
          seizureDocNo: `滨公（刑）扣字〔2026〕${n}号`,
          seizedAt: now,
          seizedBy: officerUser.displayName,
          items: Array.from({ length: Math.min(perCase, batch - i) }, (_, k) => {
            const [name, category, unit] = NAMES[(n + k) % NAMES.length]!;
            return {
              name, category, unit, quantity: 1, source: 'seized' as const, flags: [],
              ownerName: `${SURNAMES[(n + k) % SURNAMES.length]}某${k}`, cashAmount: category === 'cash' ? 10000 : undefined,
            };
          }),
        });
        if (!Array.isArray(items)) throw new Error('item.register failed');
        for (const [k, it] of items.entries()) {
          if ((n + k) % 10 === 9) continue; // leave some waiting for intake
          const row = await loadItem(asCustodian, it.id);
          const received = await applyItemEvent(asCustodian, row, { type: 'RECEIVED', counterpart: { name: officerUser.displayName }, conditionNote: '完好' });
          await applyItemEvent(asCustodian, received.item, { type: 'STORED' }, { locationId: shelves[(n + k) % shelves.length]!.id });
        }
      }
    });
    made += batch;
    onProgress?.(made);
  }
  const after = await db.selectFrom('ledger_head').select('seq').executeTakeFirstOrThrow();
  return { items: made, events: after.seq - before.seq };
}
