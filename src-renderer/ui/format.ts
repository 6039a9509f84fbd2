import { institutionDateTime } from '../../src-shared/domain/institution-time';

/** 1,536 → "1.5 KB": sizes as people read them. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

/** An ISO instant in the institution's time, whatever zone the PC is set to: 2026-11-29 10:26:00. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return institutionDateTime(new Date(iso));
}

/** Applies the server's field errors (VALIDATION details) to an antd form. */
export function fieldErrors(details: Record<string, unknown> | undefined): { name: (string | number)[]; errors: string[] }[] {
  const issues = (details?.issues as { path: string; message: string }[] | undefined) ?? [];
  return issues.filter((i) => i.path).map((i) => ({ name: i.path.split('.'), errors: [i.message] }));
}
