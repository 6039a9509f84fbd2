import type { IdentifyOutcome } from '../../../src-shared/api/attendance';
import type { Tone } from './sound';

/** What the check-in panel shows last: an identify outcome, or the result of acting on it. */
export type Shown = IdentifyOutcome | { outcome: 'confirmed' | 'flagged' | 'refused'; message: string; candidate?: Extract<IdentifyOutcome, { candidate: unknown }>['candidate'] };

export const ALERT_TYPE: Record<Shown['outcome'], 'success' | 'info' | 'warning' | 'error'> = {
  found: 'info',
  confirmed: 'success',
  already: 'warning',
  ambiguous: 'warning',
  flagged: 'warning',
  foreign: 'error',
  version: 'error',
  malformed: 'error',
  forged: 'error',
  'other-room': 'error',
  'other-session': 'error',
  'not-found': 'error',
  refused: 'error',
};

export const TITLES: Record<Shown['outcome'], string> = {
  found: '请核对照片与本人',
  confirmed: '已签到',
  already: '已经签到过',
  ambiguous: '找到多位考生',
  flagged: '已记录人证不符',
  foreign: '不是本考点的准考证',
  version: '无法识别的准考证版本',
  malformed: '二维码读取不完整',
  forged: '校验码不符',
  'other-room': '不是本考场的考生',
  'other-session': '不是本场考试',
  'not-found': '没有找到考生',
  refused: '操作未完成',
};

export function toneOf(outcome: Shown['outcome']): Tone {
  if (outcome === 'found') return 'found';
  if (outcome === 'confirmed') return 'confirmed';
  return ALERT_TYPE[outcome] === 'warning' ? 'warning' : 'error';
}
