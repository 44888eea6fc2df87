export { useScanHandler } from './useScanHandler';
export { installScanner, scanError, bindScanMessage, onScanStatus, type ScanStatus, resolveScanDefault, onAnyScan, getScannerSettings, setScannerSettings, type ScanHandler } from './scanner';
export { beepError, beepOk, beepWarn } from './beep';
export { DEFAULT_SCANNER_SETTINGS, type ScannerSettings } from './scanner-settings';
