import type { CandidateRow } from '../../../src-shared/api/candidates';

/** What the coordinator learns after 人工确认 (`c` as it stands after): whether the candidate can now enroll, or what is still missing. */
export function confirmedMessage(c: CandidateRow, saved = false): string {
  const done = `已${saved ? '保存并' : ''}确认 ${c.name} 的实名信息`;
  return c.missing.length ? `${done}；还缺${c.missing.join('、')}，补齐后才能报考` : `${done}，可以报考了`;
}
