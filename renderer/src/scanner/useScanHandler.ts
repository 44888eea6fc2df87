/** Lets the current page claim scans while it is mounted. */
import { useEffect, useRef } from 'react';
import { installScanner, pushScanHandler, type ScanHandler } from './scanner';

export function useScanHandler(handler: ScanHandler, deps: readonly unknown[] = []): void {
  const ref = useRef(handler);
  // Keep the latest closure without re-registering (order of the stack stays stable).
  useEffect(() => {
    ref.current = handler;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [handler, ...deps]);
  useEffect(() => {
    installScanner();
    return pushScanHandler(() => ref.current);
  }, []);
}
