import { join } from 'node:path';
import type { ExchangeResult } from '../../../src-shared/api/packages';
import { AppError } from '../../../src-shared/errors';
import { defineJob } from '../../jobs/define-job';
import { PlatformClient } from '../../pipelines/platform/platform-client';
import { insertAudit } from '../audit/audit-log';
import { markUploaded } from './history-store';
import { makePrivateDir } from '../../files/private-fs';
import { readSettings } from '../settings/settings-service';
import { applyPackage, inboundTrust, readInbound } from './import-service';

/**
 * One round of online exchange: send every outbound package the platform has not yet got,
 * then fetch and import what it holds for us — through the very import a USB stick takes.
 */
export const exchangeJob = defineJob<Record<string, never>, ExchangeResult>('package-exchange', async (ctx) => {
  const store = ctx.store();
  const settings = readSettings(store);
  const trust = inboundTrust(store);
  if (!settings.onlineExchange || !settings.platformUrl) throw new AppError('STATE', '在线交换未开启。');
  const client = new PlatformClient({ baseUrl: settings.platformUrl, institutionCode: trust.institutionCode, caPem: settings.platformCaPem || undefined });
  const result: ExchangeResult = { pushed: [], pulled: [] };

  const pending = store.all(
    store.q.selectFrom('package_history').select(['id', 'file_name', 'stored_path']).where('direction', '=', 'out').where('uploaded_at', 'is', null).orderBy('sequence'),
  );
  for (const [i, row] of pending.entries()) {
    ctx.throwIfCancelled();
    if (!row.stored_path) continue;
    ctx.progress(`上传 ${row.file_name}`, i, pending.length);
    await client.uploadPackage(row.stored_path, (done, total) => ctx.progress(`上传 ${row.file_name}`, done, total));
    const now = ctx.now();
    store.tx(() => {
      markUploaded(store, row.id, now.toISOString());
      insertAudit(store, ctx.actor, { operation: 'packages.exchange', entityType: 'package', entityId: row.id, after: { uploaded: row.file_name } }, now);
    });
    result.pushed.push({ historyId: row.id, fileName: row.file_name });
  }

  ctx.progress('查询平台', 0, 1);
  const inbox = (await client.listInbox()).sort((a, b) => a.sequence - b.sequence);
  const inboxDir = join(ctx.dataDir, 'inbox');
  makePrivateDir(inboxDir);
  for (const [i, item] of inbox.entries()) {
    ctx.throwIfCancelled();
    const already = store.get(store.q.selectFrom('package_history').select('id').where('direction', '=', 'in').where('file_hash', '=', item.sha256));
    if (already) continue;
    const fileName = `平台数据包-${item.sequence}-${item.sha256.slice(0, 8)}.zip`;
    const path = join(inboxDir, fileName);
    ctx.progress(`下载 ${fileName}`, i, inbox.length);
    await client.downloadPackage(item, path, (done, total) => ctx.progress(`下载 ${fileName}`, done, total));
    const pkg = await readInbound(path, fileName, store);
    ctx.throwIfCancelled();
    try {
      result.pulled.push({ ...applyPackage({ store, actor: ctx.actor, now: ctx.now() }, pkg), fileName });
    } catch (e) {
      // The platform keeps old packages listed; one superseded by a newer import (say, from a
      // USB stick) is reported and passed over, not allowed to stop the rest of the round.
      if (!(e instanceof AppError) || e.code !== 'CONFLICT') throw e;
      result.pulled.push({ applied: false, counts: {}, message: e.message, historyId: null, fileName });
    }
  }
  ctx.progress('完成', 1, 1);
  return result;
});
