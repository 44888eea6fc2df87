/** Journeys (Playwright) move the server's clock forward instead of waiting: only when SEIZED_E2E_CLOCK names an offset file. */
import { readFileSync } from 'node:fs';
import type { Clock } from '../core/context';

export function e2eClock(file = process.env.SEIZED_E2E_CLOCK): Clock | undefined {
  if (!file) return undefined;
  console.warn(`[serve] 测试时钟：服务器时间 = 系统时间 + ${file} 中的毫秒数（仅供自动化测试使用）`);
  const offset = () => {
    try {
      return Number(readFileSync(file, 'utf8').trim()) || 0;
    } catch {
      return 0;
    }
  };
  return () => new Date(Date.now() + offset());
}
