/** Scans arrive faster than lookups return; a list claims each key synchronously so a quick re-scan is refused, not counted twice. */
import { useRef } from 'react';

export function useScanClaims<K>() {
  const claimed = useRef(new Set<K>());
  return {
    /** True when the key was free and is now claimed. */
    claim: (k: K) => !claimed.current.has(k) && Boolean(claimed.current.add(k)),
    release: (k: K) => void claimed.current.delete(k),
    clear: () => claimed.current.clear(),
  };
}
