/** A virtualised item table that loads pages from the server as you scroll (smooth at 100k+ rows). */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Checkbox, Empty, Spin, Tag, Tooltip, Typography } from 'antd';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ItemDto } from '@shared/api/item.contract';
import { ITEM_CATEGORY_LABELS } from '@shared/domain/enums';
import { ItemStatusTag } from './ItemStatusTag';
import { fmtDate, fmtQty } from './labels';

const PAGE = 200;
const ROW_H = 36;
const COLS = '34px 160px minmax(110px,1fr) 72px 96px 84px 156px 130px 116px 84px 60px';
const HEAD = ['', '物品编码', '名称', '类别', '数量 / 金额', '状态', '案件编号', '库位', '保管单位', '扣押日期', '持有人'];

export type PageLoader = (offset: number, limit: number) => Promise<{ total: number; rows: ItemDto[] } | undefined>;

type Props = {
  /** Changes whenever the filter changes (resets the cache). */
  queryKey: string;
  load: PageLoader;
  selected: Set<number>;
  onSelect(next: Set<number>): void;
  onOpen(item: ItemDto): void;
  onTotal?(total: number): void;
  height: number;
};

export function VirtualItemTable({ queryKey, load, selected, onSelect, onOpen, onTotal, height }: Props) {
  const parent = useRef<HTMLDivElement>(null);
  const [total, setTotal] = useState<number | null>(null);
  const pages = useRef(new Map<number, ItemDto[] | 'loading'>());
  const [, bump] = useState(0);
  const gen = useRef(0);

  const fetchPage = useCallback(
    async (p: number) => {
      if (pages.current.has(p)) return;
      pages.current.set(p, 'loading');
      const g = gen.current;
      const r = await load(p * PAGE, PAGE);
      if (g !== gen.current) return;
      if (!r) return void pages.current.delete(p);
      pages.current.set(p, r.rows);
      setTotal(r.total);
      onTotal?.(r.total);
      bump((x) => x + 1);
    },
    [load, onTotal],
  );

  useEffect(() => {
    gen.current++;
    pages.current = new Map();
    setTotal(null);
    parent.current?.scrollTo({ top: 0 });
    void fetchPage(0);
  }, [queryKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const v = useVirtualizer({ count: total ?? 0, getScrollElement: () => parent.current, estimateSize: () => ROW_H, overscan: 12 });
  const items = v.getVirtualItems();
  useEffect(() => {
    if (!items.length) return;
    const first = Math.floor(items[0]!.index / PAGE);
    const last = Math.floor(items[items.length - 1]!.index / PAGE);
    for (let p = first; p <= last; p++) void fetchPage(p);
  }, [items, fetchPage]);

  const rowAt = (i: number): ItemDto | undefined => {
    const page = pages.current.get(Math.floor(i / PAGE));
    return page && page !== 'loading' ? page[i % PAGE] : undefined;
  };
  const toggle = (id: number) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  const loadedIds = () => [...pages.current.values()].flatMap((p) => (p === 'loading' ? [] : p.map((r) => r.id)));
  const allLoaded = loadedIds();
  const allOn = allLoaded.length > 0 && allLoaded.every((id) => selected.has(id));

  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 6 }} data-testid="item-table">
      <div style={{ display: 'grid', gridTemplateColumns: COLS, background: '#fafafa', fontWeight: 600, borderBottom: '1px solid #f0f0f0', height: 36, alignItems: 'center' }}>
        <div style={{ paddingLeft: 10 }}>
          <Checkbox checked={allOn} indeterminate={!allOn && selected.size > 0} onChange={() => onSelect(allOn ? new Set() : new Set(allLoaded))} aria-label="全选已加载的行" />
        </div>
        {HEAD.slice(1).map((h) => (
          <div key={h} style={{ padding: '0 6px' }}>{h}</div>
        ))}
      </div>
      <div ref={parent} style={{ height, overflow: 'auto', position: 'relative' }}>
        {total === null && <Spin style={{ display: 'block', marginTop: 40 }} tip="正在查询…"><div /></Spin>}
        {total === 0 && <Empty style={{ marginTop: 40 }} description="没有符合条件的物品" />}
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {items.map((vi) => {
            const r = rowAt(vi.index);
            return (
              <div
                key={vi.key}
                role="row"
                data-code={r?.code}
                onDoubleClick={() => r && onOpen(r)}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${vi.start}px)`, height: ROW_H, display: 'grid', gridTemplateColumns: COLS, alignItems: 'center', borderBottom: '1px solid #f5f5f5', background: r && selected.has(r.id) ? '#e6f4ff' : undefined, whiteSpace: 'nowrap' }}
              >
                {!r ? (
                  <div style={{ gridColumn: '1 / -1', color: '#bbb', paddingLeft: 12 }}>加载中…</div>
                ) : (
                  <>
                    <div style={{ paddingLeft: 10 }}><Checkbox checked={selected.has(r.id)} onChange={() => toggle(r.id)} /></div>
                    <div style={{ padding: '0 6px' }}><Typography.Link onClick={() => onOpen(r)}>{r.code}</Typography.Link></div>
                    <div style={{ padding: '0 6px', overflow: 'hidden', textOverflow: 'ellipsis' }} title={r.name}>
                      {r.openRequestNo && (
                        <Tooltip title={`在未完结的申请 ${r.openRequestNo} 中`}>
                          <Tag color="gold" style={{ marginInlineEnd: 4 }} data-testid={`open-request-${r.code}`}>申请中</Tag>
                        </Tooltip>
                      )}
                      {r.name}
                    </div>
                    <Cell>{ITEM_CATEGORY_LABELS[r.category]}</Cell>
                    <Cell>{fmtQty(r)}</Cell>
                    <div style={{ padding: '0 6px' }}><ItemStatusTag status={r.status} /></div>
                    <Cell>{r.caseNo}</Cell>
                    <Cell>{r.locationPath ?? r.outWith ?? '—'}</Cell>
                    <Cell>{r.holdingAgencyName}</Cell>
                    <Cell>{fmtDate(r.seizedAt)}</Cell>
                    <Cell>{r.ownerName ?? ''}</Cell>
                  </>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function Cell({ children }: { children: React.ReactNode }) {
  return (
    <div style={{ padding: '0 6px', overflow: 'hidden', textOverflow: 'ellipsis' }} title={typeof children === 'string' ? children : undefined}>
      {children}
    </div>
  );
}
