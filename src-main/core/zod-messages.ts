import type { z } from 'zod';
import '../../src-shared/zod-locale';

/** One Chinese sentence naming each failing field, e.g. “principal.password：密码至少 8 个字符”. */
export function describeZodError(error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message));
  const more = error.issues.length > 5 ? `（另有 ${error.issues.length - 5} 处）` : '';
  return `输入有误：${parts.join('；')}${more}`;
}
