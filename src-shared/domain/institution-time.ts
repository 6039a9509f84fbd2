/**
 * One rule for every date and time the app shows or puts in a name: the institution's zone,
 * whatever zone the PC is set to. The platform's windows are Beijing dates, so an instant shown
 * in the PC's zone (a lab PC left on UTC) would disagree with the phase shown beside it.
 */
export const INSTITUTION_TIME_ZONE = 'Asia/Shanghai';

interface Parts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

const FORMAT = new Intl.DateTimeFormat('en-US', {
  timeZone: INSTITUTION_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * The formatter costs ~10 µs a call, and an import shows the same few instants thousands of times
 * (every score of a package has its block's time of issue): the last instants seen are kept.
 */
const recent = new Map<number, Parts>();

function partsOf(instant: Date): Parts {
  const t = instant.getTime();
  const hit = recent.get(t);
  if (hit) return hit;
  const out: Record<string, string> = {};
  for (const p of FORMAT.formatToParts(instant)) out[p.type] = p.value;
  if (recent.size >= 256) recent.clear();
  recent.set(t, out as unknown as Parts);
  return out as unknown as Parts;
}

/** 2026-11-29: the institution's calendar day at that instant. */
export function institutionDate(instant: Date): string {
  const p = partsOf(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 2026-11-29 10:26:00 in the institution's zone. */
export function institutionDateTime(instant: Date): string {
  const p = partsOf(instant);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** 20261129T102600: the institution's time to the second, for file names that sort by time. */
export function institutionStamp(instant: Date): string {
  const p = partsOf(instant);
  return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`;
}

/**
 * The instant the institution's day `YYYY-MM-DD` (moved by `addDays`) begins: the bounds of a
 * day filter on UTC instants (`addDays` 1 for the end of an inclusive "to" day).
 */
export function institutionDayStart(day: string, addDays = 0): Date {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d + addDays);
  // The zone's offset at that moment, read back from the formatter (no offset is hard-coded).
  const offsetAt = (t: number) => {
    const p = partsOf(new Date(t));
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - t;
  };
  const first = guess - offsetAt(guess);
  return new Date(guess - offsetAt(first));
}
