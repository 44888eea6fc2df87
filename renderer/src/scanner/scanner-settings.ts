/** Per-terminal scanner settings, kept in localStorage. */
export type ScannerSettings = {
  /** Longest gap between two keystrokes of one scan burst, in ms. */
  maxIntervalMs: number;
  /** Shortest code accepted as a scan. */
  minLength: number;
  /** Optional characters the scanner sends before / after the code (stripped). */
  prefix: string;
  suffix: string;
  /** Play a sound on unknown codes. */
  sound: boolean;
  enabled: boolean;
};

export const DEFAULT_SCANNER_SETTINGS: ScannerSettings = { maxIntervalMs: 35, minLength: 6, prefix: '', suffix: '', sound: true, enabled: true };
const KEY = 'seized.scanner.settings';

export function loadScannerSettings(): ScannerSettings {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return { ...DEFAULT_SCANNER_SETTINGS };
    return { ...DEFAULT_SCANNER_SETTINGS, ...(JSON.parse(raw) as Partial<ScannerSettings>) };
  } catch {
    return { ...DEFAULT_SCANNER_SETTINGS };
  }
}

export function saveScannerSettings(s: ScannerSettings): void {
  localStorage.setItem(KEY, JSON.stringify(s));
}
