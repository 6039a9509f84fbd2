import { z } from 'zod';
import { maskIdNumber } from './id-number';
import { payloadText as text, type KindDef, boundedText as plain } from './package';

const idNumber = z.string().regex(/^\d{17}[\dX]$/, { error: '身份证号应为 18 位（最后一位可为 X）' });
const ticketNumber = z.string().regex(/^\d{20}$/, { error: '准考证号应为 20 位数字' });
const issuedAt = z.iso.datetime({ offset: true, error: '发布时间应为带时区的 ISO 时间' });
/** The range of a score and of a composite: 1+X marks out of 100. */
export const SCORE_RANGE = { min: 0, max: 100 } as const;

/** A score to one decimal, as the organisation marks. */
export const score = z
  .number({ error: '成绩必须是数字' })
  .min(SCORE_RANGE.min, { error: '成绩不能为负' })
  .max(SCORE_RANGE.max, { error: `成绩不能超过 ${SCORE_RANGE.max} 分` })
  .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-6, { error: '成绩最多保留一位小数' });

/** The most entries one package may carry: 10,000 candidates × a plan's subjects, with room to spare. */
export const MAX_SCORE_ENTRIES = 200_000;

const scoreEntry = z
  .object({
    idNumber,
    name: text(60),
    ticketNumber: ticketNumber.nullable(),
    /** null exactly when absent (缺考). */
    score: score.nullable(),
    absent: z.boolean(),
  })
  .strict()
  .refine((e) => e.absent === (e.score === null), { error: '缺考的考生不应有成绩，未缺考的考生应有成绩', path: ['score'] });

type ScoreEntry = z.output<typeof scoreEntry>;

/** Who a refused entry is, as far as its own fields tell: the name, else the ID number masked. */
function whoIs(raw: unknown): string {
  const e = (raw ?? {}) as { name?: unknown; idNumber?: unknown };
  if (typeof e.name === 'string' && e.name.trim()) return `（${e.name.trim().slice(0, 20)}）`;
  if (typeof e.idNumber === 'string' && /^\d{17}[\dX]$/.test(e.idNumber)) return `（身份证号 ${maskIdNumber(e.idNumber)}）`;
  return '';
}

/**
 * One plan and subject's scores. Each entry is checked on its own so that a refusal names the
 * plan, the subject and the row (第 12 条), not only the JSON path a person cannot read.
 */
const scoreBlock = z
  .object({
    planCode: text(40),
    subjectCode: text(40),
    issuedAt,
    entries: z.array(z.unknown()).max(50_000),
  })
  .strict()
  .transform((block, ctx) => {
    const entries: ScoreEntry[] = [];
    block.entries.forEach((raw, i) => {
      const r = scoreEntry.safeParse(raw);
      if (r.success) return void entries.push(r.data);
      const issue = r.error.issues[0]!;
      ctx.addIssue({
        code: 'custom',
        path: ['entries', i, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
        message: `考试计划 ${block.planCode} 科目 ${block.subjectCode} 第 ${i + 1} 条${whoIs(raw)}：${issue.message}`,
      });
    });
    return { ...block, entries };
  });

/** 科目成绩: per plan and subject, each enrolled candidate's score; a later issue replaces an earlier one's values. */
export const scoresPayload = z
  .object({ scores: z.array(scoreBlock).min(1).max(500) })
  .strict()
  .refine((p) => p.scores.reduce((n, b) => n + b.entries.length, 0) <= MAX_SCORE_ENTRIES, {
    error: `一个数据包最多 ${MAX_SCORE_ENTRIES} 条成绩`,
    path: ['scores'],
  });

const resultEntry = z
  .object({
    idNumber,
    name: text(60),
    certificateCode: text(40),
    level: z.enum(['初级', '中级', '高级']),
    /** The platform's composite (综合成绩), one decimal; null when its rule has none it reports. */
    composite: score.nullable(),
    passed: z.boolean(),
  })
  .strict();

/** 考证结果 as the platform computed it: compared with the app's own computation, never taken over silently. */
export const resultsPayload = z
  .object({
    results: z
      .array(z.object({ planCode: text(40), issuedAt, entries: z.array(resultEntry).max(50_000) }).strict())
      .min(1)
      .max(100),
  })
  .strict()
  .refine((p) => p.results.reduce((n, r) => n + r.entries.length, 0) <= MAX_SCORE_ENTRIES, {
    error: `一个数据包最多 ${MAX_SCORE_ENTRIES} 条考证结果`,
    path: ['results'],
  });

/** 成绩异议: the scores a coordinator flagged, with the value flagged and why. */
export const scoreDisputesPayload = z
  .object({
    disputes: z
      .array(
        z
          .object({
            planCode: plain(40),
            subjectCode: plain(40),
            idNumber,
            name: plain(60),
            ticketNumber: ticketNumber.nullable(),
            score: score.nullable(),
            absent: z.boolean(),
            note: plain(200),
            flaggedAt: z.iso.datetime({ offset: true }),
            flaggedBy: plain(60),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_SCORE_ENTRIES),
  })
  .strict();

export type ScoresPayload = z.output<typeof scoresPayload>;
export type ResultsPayload = z.infer<typeof resultsPayload>;
export type ScoreDisputesPayload = z.infer<typeof scoreDisputesPayload>;

/** Registered in package-kinds.ts by the scores and results workflows. */
export const scoreKinds = {
  scores: { label: '科目成绩', direction: 'in', file: 'payload/scores.json', payload: scoresPayload },
  'score-disputes': { label: '成绩异议', direction: 'out', file: 'payload/score-disputes.json', payload: scoreDisputesPayload },
} as const satisfies Record<string, KindDef>;

export const resultKinds = {
  results: { label: '考证结果', direction: 'in', file: 'payload/results.json', payload: resultsPayload },
} as const satisfies Record<string, KindDef>;
