import type { ExamMethod } from './catalog';

/**
 * The seating engine (排考): who sits where, for the platform simulator's schedule and for the
 * site's own draft before the schedule arrives. Pure and deterministic for a given seed.
 *
 * - A subject's candidates sit only in rooms of its method (机考 in 机考考场) that serve its
 *   certificate; rooms used by one subject in a time slot are not used by another in that slot.
 * - A subject's candidates are shared among its sessions as evenly as the rooms allow.
 * - A session takes as few rooms as hold its candidates (the largest first) and spreads them over
 *   those rooms in proportion to their seats: no room is filled past its seats, and there is no
 *   tiny last room of a few candidates while the others are full (it is merged into them).
 * - Candidates of one group (major and class) are split over a session's rooms in proportion to
 *   their size, and within a room no two of a group sit side by side while another group is left.
 * - What does not fit is reported per subject: "基础考核 08:30 场：机考考场座位 90，报考 112，缺 22".
 */

export interface SeatCandidate {
  /** Whatever identifies the enrollment to the caller. */
  key: string;
  /** Candidates of one group (major + class) are spread apart. */
  group: string;
}

export interface SeatRoom {
  key: string;
  name: string;
  type: ExamMethod;
  seats: number;
  /** The certificates it serves (`code/level`); empty: every certificate. */
  certificates: readonly string[];
}

export interface SeatSession {
  key: string;
  date: string;
  start: string;
  end: string;
}

export interface SeatSubject {
  code: string;
  name: string;
  method: ExamMethod;
  /** `code/level` of the certificate the subject belongs to. */
  certificate: string;
  sessions: readonly SeatSession[];
  candidates: readonly SeatCandidate[];
}

export interface SeatedRoom {
  roomKey: string;
  /** Seat numbers from 1, in order. */
  seats: { seat: number; candidateKey: string }[];
}

export interface SeatedSession {
  subjectCode: string;
  sessionKey: string;
  rooms: SeatedRoom[];
}

export interface Shortfall {
  subjectCode: string;
  method: ExamMethod;
  candidates: number;
  seats: number;
  missing: number;
  message: string;
}

export interface SeatingPlan {
  sessions: SeatedSession[];
  shortfalls: Shortfall[];
  /** Candidates who did not fit anywhere, by subject. */
  unseated: { subjectCode: string; candidateKey: string }[];
}

const ROOM_LABEL: Record<ExamMethod, string> = { 机考: '机考考场', 实操: '实操考场', 笔试: '笔试考场' };

/** mulberry32: small, fast and the same everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The candidates group by group (largest group first), each group in a seeded order. */
function groupMajor(candidates: readonly SeatCandidate[], rnd: () => number): SeatCandidate[] {
  const groups = new Map<string, SeatCandidate[]>();
  for (const c of shuffled(candidates, rnd)) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  return [...groups.values()].sort((a, b) => b.length - a.length || a[0]!.group.localeCompare(b[0]!.group)).flat();
}

/**
 * Deals a group-major list over rooms taking `counts` each, slot by slot to the room furthest
 * behind its share: every group is split over the rooms in proportion to their size.
 */
function distribute(ordered: readonly SeatCandidate[], counts: readonly number[]): SeatCandidate[][] {
  const n = ordered.length;
  const out: SeatCandidate[][] = counts.map(() => []);
  ordered.forEach((c, i) => {
    let best = -1;
    let deficit = -Infinity;
    counts.forEach((count, r) => {
      if (out[r]!.length >= count) return;
      const d = (count * (i + 1)) / n - out[r]!.length;
      if (d > deficit) [best, deficit] = [r, d];
    });
    out[best]!.push(c);
  });
  return out;
}

/** One room's order: each seat goes to the group with most left that is not the neighbour's. */
function arrange(room: readonly SeatCandidate[]): SeatCandidate[] {
  const left = new Map<string, SeatCandidate[]>();
  for (const c of room) left.set(c.group, [...(left.get(c.group) ?? []), c]);
  const out: SeatCandidate[] = [];
  let previous: string | null = null;
  while (out.length < room.length) {
    let pick: string | null = null;
    for (const [group, queue] of left) {
      if (!queue.length || group === previous) continue;
      if (pick === null || queue.length > left.get(pick)!.length) pick = group;
    }
    pick ??= previous!;
    out.push(left.get(pick)!.shift()!);
    previous = pick;
  }
  return out;
}

/** Two sessions in one time slot: the same day and overlapping times. */
function slotKey(s: SeatSession): string {
  return `${s.date} ${s.start}-${s.end}`;
}

function overlaps(a: SeatSession, b: SeatSession): boolean {
  return a.date === b.date && a.start < b.end && b.start < a.end;
}

/** Shares `n` over capacities as evenly as possible, none past its capacity. */
function share(n: number, capacities: readonly number[]): number[] {
  const out = capacities.map(() => 0);
  let left = n;
  // Water-filling: each round gives every open bin an equal part of what is left.
  while (left > 0) {
    const open = capacities.map((c, i) => i).filter((i) => out[i]! < capacities[i]!);
    if (!open.length) break;
    const each = Math.max(1, Math.floor(left / open.length));
    for (const i of open) {
      const give = Math.min(each, capacities[i]! - out[i]!, left);
      out[i]! += give;
      left -= give;
      if (left === 0) break;
    }
  }
  return out;
}

/** The fewest rooms (largest first) that hold `n`, and how many each takes, in proportion to its seats. */
function fill(n: number, rooms: readonly SeatRoom[]): { room: SeatRoom; count: number }[] {
  const sorted = [...rooms].sort((a, b) => b.seats - a.seats || a.name.localeCompare(b.name, 'zh-CN') || a.key.localeCompare(b.key));
  const chosen: SeatRoom[] = [];
  let capacity = 0;
  for (const r of sorted) {
    if (capacity >= n) break;
    chosen.push(r);
    capacity += r.seats;
  }
  const total = Math.min(n, capacity);
  const counts = chosen.map((r) => Math.floor((total * r.seats) / capacity));
  let rest = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % chosen.length)
    if (counts[i]! < chosen[i]!.seats) {
      counts[i]!++;
      rest--;
    }
  return chosen.map((room, i) => ({ room, count: counts[i]! })).filter((x) => x.count > 0);
}

const serves = (room: SeatRoom, subject: SeatSubject) => room.type === subject.method && (room.certificates.length === 0 || room.certificates.includes(subject.certificate));

export function seat(input: { subjects: readonly SeatSubject[]; rooms: readonly SeatRoom[]; seed: number }): SeatingPlan {
  const rnd = random(input.seed);
  const plan: SeatingPlan = { sessions: [], shortfalls: [], unseated: [] };
  // Rooms taken in each slot, by overlapping sessions of other subjects.
  const taken: { session: SeatSession; roomKey: string }[] = [];
  const subjects = [...input.subjects].sort((a, b) => a.code.localeCompare(b.code));
  for (const subject of subjects) {
    const sessions = [...subject.sessions].sort((a, b) => slotKey(a).localeCompare(slotKey(b)));
    // A room serves one session of a slot: one of this subject's overlapping sessions takes it first.
    const roomsOf: SeatRoom[][] = [];
    sessions.forEach((s, i) =>
      roomsOf.push(
        input.rooms.filter(
          (r) =>
            serves(r, subject) &&
            !taken.some((t) => t.roomKey === r.key && overlaps(t.session, s)) &&
            !sessions.some((other, k) => k < i && overlaps(other, s) && roomsOf[k]!.includes(r)),
        ),
      ),
    );
    const capacities = roomsOf.map((rooms) => rooms.reduce((sum, r) => sum + r.seats, 0));
    const order = groupMajor(subject.candidates, rnd);
    const perSession = share(order.length, capacities);
    let next = 0;
    sessions.forEach((session, i) => {
      const mine = order.slice(next, next + perSession[i]!);
      next += perSession[i]!;
      if (!mine.length) return;
      const rooms = fill(mine.length, roomsOf[i]!);
      const dealt = distribute(
        mine,
        rooms.map((r) => r.count),
      );
      const seated: SeatedRoom[] = rooms.map(({ room }, r) => ({ roomKey: room.key, seats: arrange(dealt[r]!).map((c, k) => ({ seat: k + 1, candidateKey: c.key })) }));
      for (const { room } of rooms) taken.push({ session, roomKey: room.key });
      plan.sessions.push({ subjectCode: subject.code, sessionKey: session.key, rooms: seated });
    });
    const seats = capacities.reduce((a, b) => a + b, 0);
    if (next < order.length) {
      const missing = order.length - next;
      const when = sessions.length === 1 ? `${sessions[0]!.start} 场` : `（${sessions.length} 个场次）`;
      plan.shortfalls.push({
        subjectCode: subject.code,
        method: subject.method,
        candidates: order.length,
        seats,
        missing,
        message: `${subject.name} ${when}：${ROOM_LABEL[subject.method]}座位 ${seats}，报考 ${order.length}，缺 ${missing}`,
      });
      for (const c of order.slice(next)) plan.unseated.push({ subjectCode: subject.code, candidateKey: c.key });
    }
  }
  return plan;
}

/**
 * 准考证号: 20 digits — the plan (8, from its code), the site (4), the room (3), the session (2)
 * and the seat (3, last, as in the manual's 20600002253700400057).
 */
export function ticketNumber(parts: { planCode: string; siteId: number; roomIndex: number; sessionIndex: number; seat: number }): string {
  let h = 2166136261;
  for (const ch of parts.planCode) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const plan = String(h % 100_000_000).padStart(8, '0');
  const pad = (n: number, w: number) => String(n % 10 ** w).padStart(w, '0');
  return `${plan}${pad(parts.siteId, 4)}${pad(parts.roomIndex, 3)}${pad(parts.sessionIndex, 2)}${pad(parts.seat, 3)}`;
}
