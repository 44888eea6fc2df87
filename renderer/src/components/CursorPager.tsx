/**
 * Paging by cursor for tables: 「上一页」「下一页」 buttons (keyboard-usable) and the total as the server gave it
 * (「共 326 条」「约 12 万条」「1000+ 条」). The pages already seen keep their cursors, so going back is exact.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Space, Typography } from 'antd';
import type { ListTotal } from '@shared/api/item.contract';
import { fmtTotal } from './list-total';

type Page<T> = { total: ListTotal | null; next: number | null; rows: T[] };

/** Loads page after page of `load`; starts over whenever `key` changes. */
export function useCursorPages<T>(load: (before: number | undefined) => Promise<Page<T> | undefined>, key: string) {
  const [rows, setRows] = useState<T[]>([]);
  const [total, setTotal] = useState<ListTotal | null>(null);
  const [loading, setLoading] = useState(false);
  /** cursors[i] opens page i (undefined for the first); `next` opens the one after the current. */
  const [cursors, setCursors] = useState<Array<number | undefined>>([undefined]);
  const [next, setNext] = useState<number | null>(null);
  const gen = useRef(0);

  const open = useCallback(
    async (stack: Array<number | undefined>) => {
      const g = ++gen.current;
      setLoading(true);
      try {
        const r = await load(stack[stack.length - 1]);
        if (g !== gen.current || !r) return;
        setRows(r.rows);
        setNext(r.next);
        if (r.total) setTotal(r.total);
        setCursors(stack);
      } finally {
        if (g === gen.current) setLoading(false);
      }
    },
    [load],
  );
  useEffect(() => {
    setTotal(null);
    void open([undefined]);
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps

  const pager = (
    <Space size={8} data-testid="cursor-pager">
      <Typography.Text type="secondary" data-testid="list-total">
        {total ? fmtTotal(total, '条') : '…'}，第 {cursors.length} 页
      </Typography.Text>
      <Button size="small" disabled={cursors.length <= 1 || loading} onClick={() => void open(cursors.slice(0, -1))}>
        上一页
      </Button>
      <Button size="small" disabled={next === null || loading} onClick={() => next !== null && void open([...cursors, next])}>
        下一页
      </Button>
    </Space>
  );
  return { rows, total, loading, pager };
}
