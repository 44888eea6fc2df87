/**
 * A virtualised item table that loads cursor pages from the server as you scroll (smooth at 100k+ rows): the next
 * page comes when its loader row scrolls into view, or from the 「加载更多」 button in that row (keyboard).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Checkbox, Empty, Spin, Tag, Tooltip, Typography } from 'antd';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ItemDto, ListTotal } from '@shared/api/item.contract';
import { ITEM_CATEGORY_LABELS } from '@shared/domain/enums';
import { ItemStatusTag } from './ItemStatusTag';
import { fmtDate, fmtQty } from './labels';

const PAGE = 200;
const ROW_H = 36;
const COLS = '34px 160px minmax(110px,1fr) 72px 96px 84px 156px 130px 116px 84px 60px';
const HEAD = ['', '物品编码', '名称', '类别', '数量 / 金额', '状态', '案件编号', '库位', '保管单位', '扣押日期', '持有人'];

export type PageLoader = (before: number | undefined, limit: number) => Promise<{ total: ListTotal | null; next: number | null; rows: ItemDto[] } | undefined>;

type Props = {
  /** Changes whenever the filter changes (resets the cache). */
  queryKey: string;
  load: PageLoader;
  selected: Set<number>;
  onSelect(next: Set<number>): void;
  onOpen(item: ItemDto): void;
  onTotal?(total: ListTotal): void;
  height: number;
};

export function VirtualItemTable({ queryKey, load, selected, onSelect, onOpen, onTotal, height }: Props) {
  const parent = useRef<HTMLDivElement>(null);
  const [rows, setRows] = useState<ItemDto[] | null>(null);
  /** The cursor of the next page; null after the last page. */
  const [next, setNext] = useState<number | null>(null);
  const loading = useRef(false);
  const gen = useRef(0);

  const fetchPage = useCallback(
    async (before: number | undefined) => {
      if (loading.current) return;
      loading.current = true;
      const g = gen.current;
      try {
        const r = await load(before, PAGE);
        if (g !== gen.current || !r) return;
        setRows((old) => (before === undefined ? r.rows : [...(old ?? []), ...r.rows]));
        setNext(r.next);
        if (r.total) onTotal?.(r.total);
      } finally {
        if (g === gen.current) loading.current = false;
      }
    },
    [load, onTotal],
  );

  useEffect(() => {
    gen.current++;
    loading.current = false;
    setRows(null);
    setNext(null);
    parent.current?.scrollTo({ top: 0 });
    void fetchPage(undefined);
  }, [queryKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const loaded = rows?.length ?? 0;
  const more = rows !== null && next !== null;
  const v = useVirtualizer({ count: loaded + (more ? 1 : 0), getScrollElement: () => parent.current, estimateSize: () => ROW_H, overscan: 12 });
  const items = v.getVirtualItems();
  const lastShown = items.length ? items[items.length - 1]!.index : -1;
  useEffect(() => {
    if (more && lastShown >= loaded) void fetchPage(next);
  }, [more, lastShown, loaded, next, fetchPage]);

  const rowAt = (i: number): ItemDto | undefined => rows?.[i];
  const toggle = (id: number) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  const allLoaded = (rows ?? []).map((r) => r.id);
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
      {/* Focusable, so PageDown / End scroll it from the keyboard; reaching the end loads the next page. */}
      <div ref={parent} tabIndex={0} aria-label="物品列表（PageDown / End 翻页）" data-testid="item-scroll" style={{ height, overflow: 'auto', position: 'relative' }}>
        {rows === null && <Spin style={{ display: 'block', marginTop: 40 }} tip="正在查询…"><div /></Spin>}
        {rows?.length === 0 && !more && <Empty style={{ marginTop: 40 }} description="没有符合条件的物品" />}
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
                  <div style={{ gridColumn: '1 / -1', color: '#999', paddingLeft: 12 }} data-testid="load-more-row">
                    正在加载下一页…
                    <Button type="link" size="small" onClick={() => void fetchPage(next ?? undefined)}>加载更多</Button>
                  </div>
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
