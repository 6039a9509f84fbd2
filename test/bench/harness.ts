import { cpus } from 'node:os';

export interface BenchCase {
  name: string;
  /** Name of the case this one is measured against (in the same run, alternating with it). */
  baseline?: string;
  runs?: number;
  /** Prepares a fresh state for one run (not timed); returns what `run` needs. */
  setup?: () => Promise<unknown> | unknown;
  /**
   * One run. A run that times its own steps (a page measuring keystroke to paint) returns their
   * milliseconds, and each counts as a sample; otherwise the run's whole time is one sample.
   */
  run: (state: unknown) => Promise<number[] | void> | number[] | void;
  teardown?: (state: unknown) => Promise<void> | void;
  /** A budget in ms for the median; the line says whether it held. */
  budgetMs?: number;
  /** Ratio target against the baseline. */
  targetRatio?: number;
}

export interface BenchResult {
  name: string;
  medianMs: number;
  /** The median of the runs' CPU time (every thread of this process): steadier than the wall clock on a shared machine. */
  medianCpuMs: number;
  peakRssMb: number;
  ratio?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

interface Samples {
  times: number[];
  cpu: number[];
  peak: number;
}

async function measureOnce(c: BenchCase, into: Samples): Promise<void> {
  const state = await c.setup?.();
  global.gc?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const sampler = setInterval(() => (into.peak = Math.max(into.peak, process.memoryUsage().rss)), 20);
  let steps: number[] | void;
  try {
    steps = await c.run(state);
  } finally {
    clearInterval(sampler);
  }
  into.times.push(...(steps ?? [performance.now() - t0]));
  const cpu = process.cpuUsage(cpu0);
  into.cpu.push((cpu.user + cpu.system) / 1000);
  into.peak = Math.max(into.peak, process.memoryUsage().rss);
  await c.teardown?.(state);
}

function report(c: BenchCase, samples: Samples, ratio?: number, cpuRatio?: number): BenchResult {
  const result: BenchResult = {
    name: c.name,
    medianMs: median(samples.times),
    medianCpuMs: median(samples.cpu),
    peakRssMb: samples.peak / 1024 / 1024,
    ...(ratio === undefined ? {} : { ratio }),
  };
  const parts = [`cores=${cpus().length}`, c.name.padEnd(52), `median ${result.medianMs.toFixed(1).padStart(9)} ms`, `cpu ${result.medianCpuMs.toFixed(0).padStart(7)} ms`];
  if (samples.times.length > (c.runs ?? 5)) parts.push(`slowest ${Math.max(...samples.times).toFixed(0)} ms of ${samples.times.length} samples`);
  parts.push(`peak RSS ${result.peakRssMb.toFixed(0)} MB`);
  if (result.ratio !== undefined)
    parts.push(
      `ratio ${result.ratio.toFixed(2)}× (cpu ${cpuRatio?.toFixed(2)}×) vs "${c.baseline}" (median of ${samples.times.length} pairs)${c.targetRatio ? ` (target ≤ ${c.targetRatio}×)` : ''}`,
    );
  if (c.budgetMs) parts.push(result.medianMs <= c.budgetMs ? `within ${c.budgetMs} ms budget` : `OVER ${c.budgetMs} ms budget`);
  process.stdout.write(`${parts.join('  ')}\n`);
  return result;
}

/**
 * Runs each case several times and prints one line per case: cores, median, ratio to its
 * baseline. A case with a baseline runs in pairs with it, in turns (baseline then case, case then
 * baseline, …), and its ratio is the median of the pairs' ratios: on a shared VM the libraries'
 * own speed drifts by a third within minutes, and two blocks run one after the other, or even
 * two medians of alternating runs, drifted apart by more than the target's margin.
 */
export async function runBench(cases: BenchCase[], filter?: string): Promise<BenchResult[]> {
  const chosen = (c: BenchCase) => !filter || c.name.includes(filter) || cases.some((o) => o.baseline === c.name && o.name.includes(filter));
  const results: BenchResult[] = [];
  for (const c of cases.filter(chosen)) {
    // A baseline is measured with the case that needs it.
    if (cases.some((o) => o.baseline === c.name && chosen(o))) continue;
    const base = c.baseline ? cases.find((o) => o.name === c.baseline) : undefined;
    if (c.baseline && !base) throw new Error(`bench: no case named "${c.baseline}"`);
    const own: Samples = { times: [], cpu: [], peak: process.memoryUsage().rss };
    const theirs: Samples = { times: [], cpu: [], peak: process.memoryUsage().rss };
    for (let i = 0; i < Math.max(c.runs ?? 5, base?.runs ?? 0); i++) {
      if (base && i % 2 === 0) await measureOnce(base, theirs);
      await measureOnce(c, own);
      if (base && i % 2 === 1) await measureOnce(base, theirs);
    }
    if (!base) {
      results.push(report(c, own));
      continue;
    }
    const baseResult = report(base, theirs);
    const pairs = (mine: number[], base: number[]) => median(mine.map((t, i) => t / base[i]!));
    results.push(baseResult, report(c, own, pairs(own.times, theirs.times), pairs(own.cpu, theirs.cpu)));
  }
  return results;
}
