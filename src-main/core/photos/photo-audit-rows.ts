import type { PhotoFileReport } from '../../../src-shared/api/photos';
import type { AuditRowRecord } from '../audit/audit-log';
import type { PlannedEntry } from './photo-plan';
import type { PhotoMeta } from './photo-store';

/** The photos a commit wrote, as rows of its one audit entry: a replaced one with what changed. */
export function photoRows(plan: PlannedEntry[], files: PhotoFileReport[], replaced: { candidateId: number; before: PhotoMeta; after: PhotoMeta }[]): AuditRowRecord[] {
  const byCandidate = new Map(replaced.map((r) => [r.candidateId, r]));
  return plan.flatMap((p, i): AuditRowRecord[] => {
    if (p.decided || files[i]!.status !== 'accepted') return [];
    const base = { entity: '照片', key: p.id, title: p.candidate.name };
    const r = byCandidate.get(p.candidate.id);
    if (!r) return [{ ...base, status: 'new', changes: [{ field: 'file', old: null, new: p.entry.name }] }];
    const after: Record<string, unknown> = { ...r.after, file: p.entry.name };
    const before: Record<string, unknown> = { ...r.before };
    const changed = Object.keys(after).filter((k) => before[k] !== after[k]);
    return [{ ...base, status: 'replaced', changes: changed.map((k) => ({ field: k, old: before[k] ?? null, new: after[k] })) }];
  });
}
