/** Timing helpers and the bench's result rows (printed as a table, saved as bench-results.json). */

export const now = () => Number(process.hrtime.bigint()) / 1e6;

export function pct(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Each run's time (ms), after `warm` unmeasured runs. */
export async function sample(fn: (i: number) => unknown, runs: number, warm = Math.min(3, runs)): Promise<number[]> {
  for (let i = 0; i < warm; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    await fn(i);
    out.push(now() - t);
  }
  return out;
}

export type Row = {
  figure: string;
  /** What the value is: 'p95' | 'p50' | 'ms' | 'items/s' … */
  measure: string;
  value: number | null;
  unit: 'ms' | 'items/s' | 'MB';
  /** The raw baseline in the same run, same unit, and value ÷ raw (or raw ÷ value for throughput). */
  raw?: { label: string; value: number };
  goal?: { text: string; met: boolean };
  note?: string;
};

const fmt = (v: number, unit: string) => (unit === 'ms' ? (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)) : v.toFixed(0)) + ' ' + unit;

export function ratioOf(r: Row): number | null {
  if (!r.raw || r.value === null || !r.raw.value) return null;
  return r.unit === 'items/s' ? r.value / r.raw.value : r.value / r.raw.value;
}

export function printRow(r: Row): void {
  const v = r.value === null ? '—' : `${r.measure} ${fmt(r.value, r.unit)}`;
  const ratio = ratioOf(r);
  const raw = r.raw ? `；原始基线 ${r.raw.label} ${fmt(r.raw.value, r.unit)}，比值 ${ratio === null ? '—' : ratio.toFixed(2)}×` : '';
  const goal = r.goal ? `；目标 ${r.goal.text}：${r.goal.met ? '达标' : '未达标'}` : '';
  console.log(`${r.figure}：${v}${raw}${goal}${r.note ? `（${r.note}）` : ''}`);
}
