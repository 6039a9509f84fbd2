import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DAY_MS, sweepDir } from '../files/sweep-dir';
import { stagingDir } from '../paths';

/**
 * Where PDFs stamped with the seal are written (the preview, electronic certificates): inside the
 * staging folder, never shown to the person; those over a day old go when the next is written,
 * and all go when the seal is replaced, so no file keeps an old seal.
 */
export function sealedPdfDir(dataDir: string): string {
  return join(stagingDir(dataDir), 'sealed');
}

/** A new file's path. The staging sweep at start does not enter folders: the old files here go now. */
export function sealedPdfPath(dataDir: string, fileName: string): string {
  sweepDir(sealedPdfDir(dataDir), DAY_MS);
  return join(sealedPdfDir(dataDir), `${Date.now()}-${fileName}`);
}

export function removeSealedPdfs(dataDir: string): void {
  rmSync(sealedPdfDir(dataDir), { recursive: true, force: true });
}
