import type { JobInfo } from '../../../src-shared/api/jobs';
import type { ExchangeResult } from '../../../src-shared/api/packages';
import { AppError } from '../../../src-shared/errors';
import type { CallContext } from '../call-context';
import { readSettings } from '../settings/settings-service';
import { exchangeJob } from './exchange-job';

/** Online exchange is off unless the principal turned it on and gave the platform's address. */
export function startExchange(call: CallContext): JobInfo<ExchangeResult> {
  const settings = readSettings(call.app.store);
  if (!settings.onlineExchange || !settings.platformUrl) throw new AppError('STATE', '在线交换未开启：请负责人在“设置 → 数据交换”中开启并填写平台地址。也可以用 U 盘交换数据包。');
  return call.app.jobs.start(exchangeJob, {}, { title: '在线交换数据包', actor: call.actor, owner: call.sessionToken });
}
