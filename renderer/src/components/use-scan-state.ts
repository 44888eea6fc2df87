/** State that scan handlers read. The ref changes at once, so the next scan in a burst sees what the previous one set, before React re-renders. */
import { useCallback, useRef, useState, type MutableRefObject } from 'react';

type Update<T> = T | ((prev: T) => T);

export function useScanState<T>(initial: T): [T, (next: Update<T>) => void, MutableRefObject<T>] {
  const [value, setValue] = useState<T>(initial);
  const ref = useRef<T>(initial);
  const set = useCallback((next: Update<T>) => {
    ref.current = typeof next === 'function' ? (next as (prev: T) => T)(ref.current) : next;
    setValue(ref.current);
  }, []);
  return [value, set, ref];
}
