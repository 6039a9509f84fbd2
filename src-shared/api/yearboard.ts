import { empty, op } from './contract';

/** Where a step of the year stands: done, going on, waiting on the platform, to do, late, or not begun. */
export type StepState = 'done' | 'active' | 'waiting' | 'todo' | 'overdue' | 'idle';

export interface YearStep {
  key: 'declaration' | 'site' | 'rooms' | 'candidates' | 'enrollment' | 'payment' | 'schedule' | 'exam' | 'scores' | 'issuance';
  title: string;
  state: StepState;
  /** Counts in a line: "审核通过 2，待审核 1". */
  summary: string;
  /** What to do next, or what is awaited. */
  hint: string | null;
  /** The page to open for it. */
  link: string | null;
}

export interface YearBoard {
  year: number;
  /** 试点院校 this year (at least one declaration approved). */
  pilot: boolean;
  steps: YearStep[];
}

/** The manual's process for this year as the home page shows it (证书申报 → … → 发证). */
export const yearboardOps = {
  'yearboard.get': op<YearBoard>()({ input: empty, access: 'user', summary: '本年度工作进度' }),
};
