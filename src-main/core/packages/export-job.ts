import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExportResult } from '../../../src-shared/api/packages';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { isOutboundKind, PACKAGE_KINDS, type OutboundKind } from '../../../src-shared/domain/package-kinds';
import { AppError } from '../../../src-shared/errors';
import { defineJob } from '../../jobs/define-job';
import type { JobContext } from '../../jobs/job-context';
import type { Institution } from '../../../src-shared/domain/institution';
import type { Store } from '../../store/store';
import { writePackage } from '../../pipelines/packages/write-package';
import { summaryWorkbook } from '../../pipelines/xlsx/summary-sheet';
import { insertAudit } from '../audit/audit-log';
import { insertHistory } from './history-store';
import { readInstitution } from '../institution/institution-service';
import { copyInto, outboxDir } from './folders';
import { OUTBOUND } from '../registry/package-kinds';
import type { ExportOptions, OutboundModule, OutboundPart } from './kind-module';

export interface ExportInput {
  kinds: OutboundKind[];
  /** A folder to copy the package into (the UI), or */
  folder?: string | undefined;
  /** an exact file to write it as (the CLI's --out). */
  outFile?: string | undefined;
  options?: ExportOptions;
}

/**
 * Builds an outbound package in the worker: reads each kind, writes the ZIP into the data
 * folder's outbox (kept for writing out again), copies it to the chosen folder, and records it.
 */
export const exportJob = defineJob<ExportInput, ExportResult>('package-export', async (ctx, input) => {
  const store = ctx.store();
  const inst = readInstitution(store);
  if (!inst) throw new AppError('STATE', '尚未完成首次设置。');
  for (const k of input.kinds) if (!isOutboundKind(k)) throw new AppError('VALIDATION', `“${k}”不是可以发出的数据类型。`);

  const workDir = join(ctx.dataDir, 'tmp', `export-${Date.now()}`);
  try {
    return await build(ctx, input, store, inst, workDir);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
});

async function build(ctx: JobContext, input: ExportInput, store: Store, inst: Institution, workDir: string): Promise<ExportResult> {
  const parts: Partial<Record<OutboundKind, OutboundPart<OutboundKind>>> = {};
  for (const [i, kind] of input.kinds.entries()) {
    ctx.throwIfCancelled();
    ctx.progress('读取数据', i, input.kinds.length);
    parts[kind] = await (OUTBOUND[kind] as OutboundModule<OutboundKind>).build(store, {
      options: input.options ?? {},
      workDir: join(workDir, kind),
      progress: ctx.progress,
      now: ctx.now(),
    });
  }
  const last = store.get(
    store.q
      .selectFrom('package_history')
      .select((eb) => eb.fn.max('sequence').as('max'))
      .where('direction', '=', 'out'),
  );
  const sequence = (last?.max ?? 0) + 1;
  const now = ctx.now();
  const fileName = `数据包-${inst.code}-第${String(sequence).padStart(4, '0')}号-${institutionDate(now).replace(/-/g, '')}.zip`;

  ctx.progress('生成汇总表', 0, 1);
  const counts = Object.fromEntries(input.kinds.map((k) => [k, parts[k]!.count]));
  const summary = await summaryWorkbook(
    [
      ['院校', `${inst.name}（${inst.code}）`],
      ['序号', String(sequence)],
      ['生成时间', now.toISOString()],
      ['包含', input.kinds.map((k) => `${PACKAGE_KINDS[k].label} ${counts[k]} 条`).join('；')],
    ],
    input.kinds.map((k) => parts[k]!.sheet),
  );

  const storedPath = join(outboxDir(ctx.dataDir), fileName);
  const written = await writePackage(
    storedPath,
    {
      kinds: Object.fromEntries(input.kinds.map((k) => [k, parts[k]!.payload])),
      extraFiles: [{ path: 'summary.xlsx', data: summary }, ...input.kinds.flatMap((k) => parts[k]!.files ?? [])],
      sender: { type: 'institution', id: inst.code, name: inst.name },
      institutionCode: inst.code,
      sequence,
      createdAt: now,
    },
    (done, total) => {
      ctx.throwIfCancelled();
      ctx.progress('写入数据包', done, total);
    },
  );
  let path = storedPath;
  if (input.folder) path = copyInto(storedPath, input.folder);
  if (input.outFile) {
    mkdirSync(dirname(input.outFile), { recursive: true });
    copyFileSync(storedPath, input.outFile);
    path = input.outFile;
  }

  const historyId = store.tx(() => {
    const id = insertHistory(store, {
      direction: 'out',
      kinds_json: JSON.stringify(input.kinds),
      sender_id: inst.code,
      sender_name: inst.name,
      institution_code: inst.code,
      sequence,
      package_created_at: now.toISOString(),
      processed_at: now.toISOString(),
      actor: ctx.actor.name,
      result: 'written',
      counts_json: JSON.stringify(counts),
      file_hash: written.fileHash,
      file_name: fileName,
      signature: '未签名',
      stored_path: storedPath,
      uploaded_at: null,
    });
    for (const k of input.kinds) (OUTBOUND[k] as OutboundModule<OutboundKind>).onSent?.(store, parts[k]!, now);
    insertAudit(store, ctx.actor, { operation: 'packages.export', entityType: 'package', entityId: id, after: { fileName, sequence, counts, path } }, now);
    return id;
  });
  return { historyId, fileName, path, sequence, counts, fileHash: written.fileHash, size: written.size };
}
