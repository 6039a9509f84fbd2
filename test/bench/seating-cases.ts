import { seat, type SeatRoom, type SeatSubject } from '../../src-shared/domain/seating';
import type { BenchCase } from './harness';

const METHODS = ['机考', '实操', '笔试'] as const;

/** 10,000 enrolled subjects over 12 subjects (4 of each method, 2 sessions each) and 40 rooms of 30–60 seats. */
function input() {
  const rooms: SeatRoom[] = Array.from({ length: 40 }, (_, i) => ({ key: `R${i}`, name: `${101 + i}室`, type: METHODS[i % 3]!, seats: 30 + ((i * 7) % 31), certificates: [] }));
  const subjects: SeatSubject[] = Array.from({ length: 12 }, (_, s) => ({
    code: `S${String(s).padStart(2, '0')}`,
    name: `科目${s}`,
    method: METHODS[s % 3]!,
    certificate: `C${s % 4}/初级`,
    sessions: [0, 1].map((k) => ({ key: `S${s}-${k}`, date: `2026-12-${20 + (s % 3)}`, start: ['08:30', '13:30'][k]!, end: ['10:00', '15:00'][k]! })),
    candidates: Array.from({ length: Math.round(10_000 / 12) }, (_, c) => ({ key: `S${s}-${c}`, group: `专业${c % 9}-${c % 4}班` })),
  }));
  return { rooms, subjects, seed: 42 };
}

/** DESIGN.md §6: "seating engine: 10,000 candidates × 40 rooms × their sessions < 1 s". */
export const seatingCases: BenchCase[] = [
  {
    name: 'seating engine: 10,000 candidates × 40 rooms × their sessions',
    runs: 7,
    budgetMs: 1000,
    setup: input,
    run: (state) => {
      const plan = seat(state as ReturnType<typeof input>);
      if (!plan.sessions.length) throw new Error('nothing seated');
    },
  },
];
