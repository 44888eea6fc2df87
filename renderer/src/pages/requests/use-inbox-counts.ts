/**
 * Inbox counts for the navigation badges: polled every 30 s and refreshed after each request action — not on every
 * navigation, so opening an item (a scan) costs no extra call.
 */
import { useEffect, useState } from 'react';
import type { MethodOutput } from '@shared/api/contract';
import { callQuiet } from '../../api/client';
import { onInboxChanged } from './request-ui';

export type InboxCounts = MethodOutput<'inbox.counts'> & { todo: number };

/** Counts by box (and `todo`); empty until the first answer arrives. */
export function useInboxCounts(intervalMs = 30_000): Partial<Record<string, number>> {
  const [counts, setCounts] = useState<Partial<InboxCounts>>({});
  useEffect(() => {
    let alive = true;
    const load = () =>
      void callQuiet('inbox.counts', {})
        .then((c) => alive && setCounts({ ...c, todo: c.approve + c.accept + c.execute + c.proposals }))
        .catch(() => undefined);
    load();
    const t = setInterval(load, intervalMs);
    const off = onInboxChanged(load);
    return () => {
      alive = false;
      clearInterval(t);
      off();
    };
  }, [intervalMs]);
  return counts;
}
