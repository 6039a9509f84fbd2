import type { StepState, YearStep } from '../../../src-shared/api/yearboard';
import type { Store } from '../../store/store';
import { issuanceProgress } from '../issuance/issuance-progress';
import { windowStep, type PlanWindows } from './window-step';

/**
 * 发证: the organisation's 证书发放名单 as 证书发放管理 shows it — records waiting for the
 * principal's decision, decisions not yet sent, confirmations whose 电子证书 has not come, and
 * certificates issued. This year's plans count, and any earlier record still open: what is left
 * to do never drops off the board at the turn of the year. Counted, not listed: the home page
 * loads it every time.
 */
export function issuanceStep(store: Store, plans: PlanWindows[], today: string): YearStep {
  const { records, waiting, confirmed, refused, unsent, issued, awaited, unlisted, hasSeal } = issuanceProgress(
    store,
    plans.map((p) => p.code),
  );
  if (!records && !unlisted) return { ...windowStep('issuance', '发证', plans, today, 'publicity'), link: '/issuance' };

  const state: StepState = waiting || unsent ? 'todo' : !records || awaited ? 'waiting' : 'done';
  const summary = records
    ? [
        `证书发放名单 ${records} 条`,
        waiting && `待签发 ${waiting}`,
        confirmed && `已确认签发 ${confirmed}`,
        refused && `不予签发 ${refused}`,
        `已发证 ${issued}`,
        unlisted && `本地合格未列入名单 ${unlisted}`,
      ]
        .filter(Boolean)
        .join('，')
    : `本地计算合格 ${unlisted} 人，尚未收到证书发放名单`;
  const hint = !records
    ? '成绩公示结束后，等待培训评价组织下发“证书发放名单”数据包，再导入'
    : waiting
      ? hasSeal
        ? `校长在“证书发放管理”确认签发 ${waiting} 条记录（输入密码并手写签名）`
        : '校长先在“签名章”上传签名章，再在“证书发放管理”确认签发'
      : unsent
        ? '导出“签发决定”数据包报送培训评价组织'
        : awaited
          ? '等待培训评价组织发放电子证书，再导入“电子证书”数据包'
          : null;
  return { key: 'issuance', title: '发证', state, summary, hint, link: '/issuance' };
}
