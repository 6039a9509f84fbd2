import { closeSync, createWriteStream, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import type { FileRef } from '../../../src-shared/api/files';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { AppError } from '../../../src-shared/errors';
import type { CallContext } from '../call-context';
import { exportsDir } from '../paths';
import { listLogFiles } from '../../logging/log-files';

/** Per day file: a runaway loop of errors should not make a ZIP nobody can e-mail; its end is what matters. */
const MAX_BYTES_PER_FILE = 32 * 1024 * 1024;

/** 关于 → 导出日志: the kept day files in one ZIP, for whoever supports the exam site. */
export async function exportLogs(call: CallContext): Promise<FileRef> {
  const { app } = call;
  const files = listLogFiles(app.logsDir);
  if (files.length === 0) throw new AppError('NOT_FOUND', `日志文件夹 ${app.logsDir} 中没有日志。`);
  const zip = new yazl.ZipFile();
  // Read, not streamed: today's file grows while we zip it, and yazl refuses a file that changes size.
  for (const f of files) zip.addBuffer(readTail(join(app.logsDir, f.name), MAX_BYTES_PER_FILE), f.name, { mtime: app.now() });
  zip.end();

  const dir = exportsDir(app.dataDir);
  mkdirSync(dir, { recursive: true });
  const name = `考点助手日志-${institutionDate(app.now())}.zip`;
  const path = join(dir, `${Date.now()}-${name}`);
  const partial = `${path}.partial`;
  try {
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(partial);
      zip.outputStream.on('error', reject);
      out.on('error', reject);
      out.on('close', () => resolve());
      zip.outputStream.pipe(out);
    });
    renameSync(partial, path);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  return app.files.register(path, name, call.actor);
}

function readTail(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const n = readSync(fd, buffer, read, length - read, size - length + read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
