import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExamMethod } from '../../src-shared/domain/catalog';
import { seat, ticketNumber, type SeatRoom, type SeatSubject } from '../../src-shared/domain/seating';

const METHODS: ExamMethod[] = ['机考', '实操', '笔试'];

const roomArb = fc.record({
  type: fc.constantFrom(...METHODS),
  seats: fc.integer({ min: 1, max: 80 }),
  certificates: fc.constantFrom<string[]>([], ['C1/初级'], ['C2/初级'], ['C1/初级', 'C2/初级']),
});

const subjectArb = fc.record({
  method: fc.constantFrom(...METHODS),
  certificate: fc.constantFrom('C1/初级', 'C2/初级'),
  sessions: fc.array(fc.record({ date: fc.constantFrom('2026-12-20', '2026-12-21'), slot: fc.constantFrom(['08:30', '10:00'], ['09:00', '11:00'], ['13:30', '15:00']) }), {
    minLength: 1,
    maxLength: 3,
  }),
  candidates: fc.array(fc.constantFrom('物流1班', '物流2班', '软件1班', '会计1班'), { maxLength: 150 }),
});

const inputArb = fc
  .record({ rooms: fc.array(roomArb, { minLength: 1, maxLength: 8 }), subjects: fc.array(subjectArb, { minLength: 1, maxLength: 4 }), seed: fc.integer() })
  .map((x) => ({
    seed: x.seed,
    rooms: x.rooms.map((r, i): SeatRoom => ({ ...r, key: `R${i}`, name: `${i + 101}室` })),
    subjects: x.subjects.map((s, i): SeatSubject => ({
      code: `S${i}`,
      name: `科目${i}`,
      method: s.method,
      certificate: s.certificate,
      sessions: s.sessions.map((x, k) => ({ key: `S${i}-${k}`, date: x.date, start: x.slot[0]!, end: x.slot[1]! })),
      candidates: s.candidates.map((group, k) => ({ key: `S${i}-c${k}`, group })),
    })),
  }));

type Input = ReturnType<typeof inputArb.generate>['value'];

function sessionOf(input: Input, key: string) {
  return input.subjects.flatMap((s) => s.sessions).find((s) => s.key === key)!;
}

/** Adjacent seats in one room held by one group: what spreading is meant to keep low. */
function sameGroupNeighbours(rooms: { seats: { candidateKey: string }[] }[], groupOf: (key: string) => string): number {
  let n = 0;
  for (const r of rooms) for (let i = 1; i < r.seats.length; i++) if (groupOf(r.seats[i]!.candidateKey) === groupOf(r.seats[i - 1]!.candidateKey)) n++;
  return n;
}

describe('the seating engine', () => {
  it('seats each candidate once, within each room’s seats, in rooms of the subject’s method and certificate, never a room twice in one slot', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = seat(input);
        const rooms = new Map(input.rooms.map((r) => [r.key, r]));
        const seen = new Set<string>();
        const used: { roomKey: string; date: string; start: string; end: string }[] = [];
        for (const s of plan.sessions) {
          const subject = input.subjects.find((x) => x.code === s.subjectCode)!;
          const session = sessionOf(input, s.sessionKey);
          for (const r of s.rooms) {
            const room = rooms.get(r.roomKey)!;
            expect(room.type).toBe(subject.method);
            if (room.certificates.length) expect(room.certificates).toContain(subject.certificate);
            expect(r.seats.length).toBeLessThanOrEqual(room.seats);
            expect(r.seats.map((x) => x.seat)).toEqual(r.seats.map((_, i) => i + 1));
            for (const u of used) if (u.roomKey === r.roomKey) expect(u.date === session.date && u.start < session.end && session.start < u.end).toBe(false);
            used.push({ roomKey: r.roomKey, ...session });
            for (const x of r.seats) {
              expect(seen.has(x.candidateKey)).toBe(false);
              seen.add(x.candidateKey);
            }
          }
        }
        // Everyone is seated, or reported short; nobody twice, nobody invented.
        const all = input.subjects.flatMap((s) => s.candidates.map((c) => c.key));
        expect(new Set([...seen, ...plan.unseated.map((u) => u.candidateKey)])).toEqual(new Set(all));
        for (const short of plan.shortfalls) expect(short.missing).toBe(plan.unseated.filter((u) => u.subjectCode === short.subjectCode).length);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic for a seed', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(seat(input)).toEqual(seat(input));
      }),
      { numRuns: 100 },
    );
  });

  it('puts fewer same-class candidates side by side than a random seating of the same rooms', () => {
    const rnd = (() => {
      let a = 7;
      return () => (a = (a * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    })();
    fc.assert(
      fc.property(inputArb, (input) => {
        const groupOf = new Map(input.subjects.flatMap((s) => s.candidates.map((c) => [c.key, c.group] as const)));
        const plan = seat(input);
        const engine = sameGroupNeighbours(
          plan.sessions.flatMap((s) => s.rooms),
          (k) => groupOf.get(k)!,
        );
        // The same rooms and counts, the candidates in a random order.
        const random = plan.sessions.flatMap((s) => {
          const keys = s.rooms.flatMap((r) => r.seats.map((x) => x.candidateKey)).sort(() => rnd() - 0.5);
          let i = 0;
          return s.rooms.map((r) => ({ seats: r.seats.map(() => ({ candidateKey: keys[i++]! })) }));
        });
        expect(engine).toBeLessThanOrEqual(sameGroupNeighbours(random, (k) => groupOf.get(k)!));
      }),
      { numRuns: 300 },
    );
  });

  it('uses the fewest rooms and leaves no tiny last room; names the shortfall', () => {
    const rooms: SeatRoom[] = [1, 2, 3].map((i) => ({ key: `R${i}`, name: `${i}号机房`, type: '机考', seats: 30, certificates: [] }));
    const subject = (n: number): SeatSubject => ({
      code: '098694',
      name: '基础考核',
      method: '机考',
      certificate: 'C1/初级',
      sessions: [{ key: 'a', date: '2026-12-20', start: '08:30', end: '10:00' }],
      candidates: Array.from({ length: n }, (_, i) => ({ key: `c${i}`, group: `g${i % 3}` })),
    });
    // 62 in rooms of 30: three rooms of about 21 each, not 30 + 30 + 2.
    expect(seat({ subjects: [subject(62)], rooms, seed: 1 }).sessions[0]!.rooms.map((r) => r.seats.length)).toEqual([21, 21, 20]);
    expect(seat({ subjects: [subject(45)], rooms, seed: 1 }).sessions[0]!.rooms.map((r) => r.seats.length)).toEqual([23, 22]);
    const short = seat({ subjects: [subject(112)], rooms, seed: 1 });
    expect(short.shortfalls.map((s) => s.message)).toEqual(['基础考核 08:30 场：机考考场座位 90，报考 112，缺 22']);
    expect(short.unseated).toHaveLength(22);
    // A 实操 room never takes a 机考 subject.
    expect(seat({ subjects: [subject(5)], rooms: [{ ...rooms[0]!, type: '实操' }], seed: 1 }).shortfalls[0]!.message).toBe('基础考核 08:30 场：机考考场座位 0，报考 5，缺 5');
  });

  it('numbers tickets in 20 digits ending in the seat', () => {
    const t = ticketNumber({ planCode: 'K202005229994', siteId: 37, roomIndex: 4, sessionIndex: 1, seat: 57 });
    expect(t).toMatch(/^\d{20}$/);
    expect(t.endsWith('057')).toBe(true);
    expect(ticketNumber({ planCode: 'K202005229994', siteId: 37, roomIndex: 4, sessionIndex: 1, seat: 58 })).not.toBe(t);
  });
});
