import { cpus } from 'node:os';

export interface BenchCase {
  name: string;
  /** Name of the case this one is measured against (in the same run). */
  baseline?: string;
  runs?: number;
  /** Prepares a fresh state for one run (not timed); returns what `run` needs. */
  setup?: () => Promise<unknown> | unknown;
  run: (state: unknown) => Promise<void> | void;
  teardown?: (state: unknown) => Promise<void> | void;
  /** A budget in ms for the median; the line says whether it held. */
  budgetMs?: number;
  /** Ratio target against the baseline. */
  targetRatio?: number;
}

export interface BenchResult {
  name: string;
  medianMs: number;
  peakRssMb: number;
  ratio?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Runs each case several times and prints one line per case: cores, median, ratio to its baseline. */
export async function runBench(cases: BenchCase[], filter?: string): Promise<BenchResult[]> {
  const cores = cpus().length;
  const results: BenchResult[] = [];
  for (const c of cases) {
    if (filter && !c.name.includes(filter) && !cases.some((o) => o.baseline === c.name && o.name.includes(filter))) continue;
    const times: number[] = [];
    let peak = process.memoryUsage().rss;
    for (let i = 0; i < (c.runs ?? 5); i++) {
      const state = await c.setup?.();
      global.gc?.();
      const t0 = performance.now();
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      await c.run(state);
      clearInterval(sampler);
      times.push(performance.now() - t0);
      peak = Math.max(peak, process.memoryUsage().rss);
      await c.teardown?.(state);
    }
    const result: BenchResult = { name: c.name, medianMs: median(times), peakRssMb: peak / 1024 / 1024 };
    const base = c.baseline ? results.find((r) => r.name === c.baseline) : undefined;
    if (base) result.ratio = result.medianMs / base.medianMs;
    results.push(result);
    const parts = [`cores=${cores}`, c.name.padEnd(52), `median ${result.medianMs.toFixed(1).padStart(9)} ms`, `peak RSS ${result.peakRssMb.toFixed(0)} MB`];
    if (result.ratio !== undefined) parts.push(`ratio ${result.ratio.toFixed(2)}× vs "${c.baseline}"${c.targetRatio ? ` (target ≤ ${c.targetRatio}×)` : ''}`);
    if (c.budgetMs) parts.push(result.medianMs <= c.budgetMs ? `within ${c.budgetMs} ms budget` : `OVER ${c.budgetMs} ms budget`);
    process.stdout.write(`${parts.join('  ')}\n`);
  }
  return results;
}
