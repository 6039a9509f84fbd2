import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { candidatesPayload } from '../../../src-shared/domain/candidate-payload';
import type { RealnameResult } from '../../../src-shared/domain/realname';
import type { Answerer } from './answerers';

/** Reasons the platform gives when 人脸核身 fails (the manual: 照片不够清晰或其他各种原因). */
const REASONS = ['照片不清晰，人脸核身未通过', '照片与公安系统留存照片比对不一致', '姓名与身份证号不匹配'];

/**
 * Candidates sent to the platform come back with their real-name check. Most pass; a small,
 * reproducible share fail (by a hash of the ID number, so the same package gets the same
 * answer), and every candidate without a photo fails, as the real check would.
 */
export const answerCandidates: Answerer = (payload) => {
  const { candidates } = payload as z.infer<typeof candidatesPayload>;
  const results: RealnameResult[] = candidates.map((c) => {
    const h = createHash('sha256').update(c.idNumber).digest().readUInt32BE(0);
    if (!c.photo) return { idNumber: c.idNumber, name: c.name, status: 'failed', reason: '未提交照片，无法完成人脸核身' };
    if (h % 20 === 0) return { idNumber: c.idNumber, name: c.name, status: 'failed', reason: REASONS[h % REASONS.length]! };
    return { idNumber: c.idNumber, name: c.name, status: 'verified', reason: null };
  });
  return { 'realname-results': { results } };
};
