import type { PhotoFileReport } from '../../../src-shared/api/photos';
import { judgeEntryName } from '../../pipelines/photos/entry-names';

export interface CandidateRef {
  id: number;
  name: string;
  hasPhoto: boolean;
}

export interface ListedEntry {
  name: string;
  declaredSize: number;
  compressedSize: number;
}

/**
 * An entry of the ZIP once its name is read: either decided already (ignored, bad name,
 * duplicate, no such candidate) or a photo to check for a known candidate.
 */
export type PlannedEntry = { entry: ListedEntry; decided: PhotoFileReport } | { entry: ListedEntry; decided: null; id: string; candidate: CandidateRef };

/**
 * Decides everything the names alone can decide, before any photo is opened: duplicates need
 * the whole list (the first of two photos for one ID cannot know about the second).
 */
export function planEntries(entries: ListedEntry[], candidates: Map<string, CandidateRef>, today?: string): PlannedEntry[] {
  const verdicts = entries.map((entry) => ({ entry, verdict: judgeEntryName(entry.name, today) }));
  const namesById = new Map<string, string[]>();
  for (const { entry, verdict } of verdicts) if (verdict.kind === 'photo') namesById.set(verdict.id, [...(namesById.get(verdict.id) ?? []), entry.name]);

  return verdicts.map(({ entry, verdict }): PlannedEntry => {
    const name = entry.name;
    if (verdict.kind === 'ignored') return { entry, decided: { name, id: null, status: 'ignored', code: 'IGNORED', message: verdict.message } };
    if (verdict.kind === 'bad') return { entry, decided: { name, id: null, status: 'refused', code: 'BAD_NAME', message: verdict.message } };
    const id = verdict.id;
    const same = namesById.get(id)!;
    if (same.length > 1) {
      // Each names the others; with two entries of one exact name, "the other" is that name too.
      const others = same.filter((n, i) => n !== name || same.indexOf(n) !== i);
      return { entry, decided: { name, id, status: 'refused', code: 'DUPLICATE', message: `与“${others.join('”、“')}”是同一身份证号的照片，请只保留一张` } };
    }
    const candidate = candidates.get(id);
    if (!candidate) return { entry, decided: { name, id, status: 'refused', code: 'NO_CANDIDATE', message: `没有身份证号为 ${id} 的考生，请先导入考生信息` } };
    return { entry, decided: null, id, candidate };
  });
}
