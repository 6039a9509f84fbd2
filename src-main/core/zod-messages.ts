import type { z } from 'zod';
import '../../src-shared/zod-locale';

/** One Chinese sentence naming each failing field, e.g. “principal.password：密码至少 8 个字符”. */
export function describeZodError(error: z.ZodError): string {
  // A hostile key (an unknown field of a megabyte) must not make the sentence a megabyte.
  const parts = error.issues.slice(0, 5).map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message).slice(0, 300));
  const more = error.issues.length > 5 ? `（另有 ${error.issues.length - 5} 处）` : '';
  return `输入有误：${parts.join('；')}${more}`;
}

/** The most issues an error's details list: a hostile call can raise thousands, the envelope stays small. */
export const MAX_LISTED_ISSUES = 50;

/** An error's details: the first issues by path, and how many there were in all. */
export function zodIssueDetails(error: z.ZodError): { issues: { path: string; message: string }[]; issueCount: number } {
  return {
    issues: error.issues.slice(0, MAX_LISTED_ISSUES).map((i) => ({ path: i.path.join('.').slice(0, 200), message: i.message.slice(0, 500) })),
    issueCount: error.issues.length,
  };
}
