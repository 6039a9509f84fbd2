import type { Page } from '@playwright/test';
import { expect, shot } from '../fixtures';
import { nav } from '../page-helpers';

/** The board's steps by their titles (src-main/core/yearboard), and the labels of their states (YearBoardCard). */
const STEPS = ['证书申报', '考点申报', '考场设置', '考生管理', '报考', '缴费', '排考', '考试', '成绩', '发证'] as const;
export type BoardStep = (typeof STEPS)[number];
export type BoardState = '已完成' | '进行中' | '等待平台' | '待办' | '已逾期' | '尚未开始';

/**
 * The home page's 本年度工作进度, as the person who just did a step sees it: each named step in
 * its state, and (`says`) the step's line of counts or hint where it tells more.
 */
export async function expectBoard(
  page: Page,
  states: Partial<Record<BoardStep, BoardState>>,
  o: { says?: Partial<Record<BoardStep, string | RegExp>>; screenshot?: string } = {},
): Promise<void> {
  await nav(page).getByRole('link', { name: '工作台' }).click();
  const board = page.getByRole('list', { name: '本年度工作进度' });
  for (const [step, state] of Object.entries(states)) await expect(board.getByRole('listitem', { name: `${step}：${state}` })).toBeVisible();
  for (const [step, text] of Object.entries(o.says ?? {})) await expect(board.getByRole('listitem', { name: new RegExp(`^${step}：`) })).toContainText(text);
  if (o.screenshot) await shot(page, o.screenshot);
}

/** Every step of the board 已完成, except those named. */
export function allDoneBut(rest: Partial<Record<BoardStep, BoardState>> = {}): Record<BoardStep, BoardState> {
  return { ...(Object.fromEntries(STEPS.map((step) => [step, '已完成'])) as Record<BoardStep, BoardState>), ...rest };
}
