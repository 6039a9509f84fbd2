import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import type { Page } from '../../../src-shared/api/contract';
import type { JobInfo as Job } from '../../../src-shared/api/jobs';
import type { FileRef } from '../../../src-shared/api/files';
import type { ExportResult, HistoryRow } from '../../../src-shared/api/packages';
import { isOutboundKind } from '../../../src-shared/domain/package-kinds';
import { AppError } from '../../../src-shared/errors';
import type { CallContext } from '../call-context';
import { exportJob } from './export-job';
import { checkFolder, copyInto } from './folders';

export function startExport(call: CallContext, input: { kinds: string[]; folder?: string | undefined; includeIncomplete?: boolean | undefined }): Job<ExportResult> {
  const kinds = [...new Set(input.kinds)];
  const bad = kinds.find((k) => !isOutboundKind(k));
  if (bad) throw new AppError('VALIDATION', `“${bad.slice(0, 40)}”不是可以发出的数据类型。`, { field: 'kinds' });
  if (input.folder) checkFolder(input.folder);
  return call.app.jobs.start(
    exportJob,
    { kinds: kinds.filter(isOutboundKind), folder: input.folder, options: { includeIncomplete: input.includeIncomplete ?? false } },
    { title: '生成数据包', actor: call.actor, owner: call.sessionToken },
  );
}

export function listHistory(call: CallContext, input: { direction?: 'in' | 'out' | undefined; page: number; pageSize: number }): Page<HistoryRow> {
  const { store } = call.app;
  let query = store.q.selectFrom('package_history');
  if (input.direction) query = query.where('direction', '=', input.direction);
  const total = store.get(query.select(sql<number>`count(*)`.as('n')))?.n ?? 0;
  const rows = store.all(
    query
      .selectAll()
      .orderBy('id', 'desc')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
  );
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      direction: r.direction,
      kinds: JSON.parse(r.kinds_json) as string[],
      sequence: r.sequence,
      senderName: r.sender_name,
      packageCreatedAt: r.package_created_at,
      processedAt: r.processed_at,
      actor: r.actor,
      result: r.result,
      counts: JSON.parse(r.counts_json),
      fileHash: r.file_hash,
      fileName: r.file_name,
      signature: r.signature,
      canRewrite: r.stored_path !== null && existsSync(r.stored_path),
      uploadedAt: r.uploaded_at,
    })),
  };
}

function storedPackage(call: CallContext, id: number): { path: string; fileName: string } {
  const { store } = call.app;
  const row = store.get(store.q.selectFrom('package_history').select(['stored_path', 'file_name']).where('id', '=', id));
  if (!row) throw new AppError('NOT_FOUND', '找不到这条交换记录。');
  if (!row.stored_path || !existsSync(row.stored_path)) throw new AppError('NOT_FOUND', '这个数据包的文件已不在数据目录中，无法再次写出。');
  return { path: row.stored_path, fileName: row.file_name };
}

export function packageFile(call: CallContext, id: number): FileRef {
  const { path, fileName } = storedPackage(call, id);
  return call.app.files.register(path, fileName, call.actor);
}

export function rewritePackage(call: CallContext, input: { id: number; folder: string }): { path: string; fileName: string } {
  const { path, fileName } = storedPackage(call, input.id);
  return { path: copyInto(path, checkFolder(input.folder)), fileName };
}
