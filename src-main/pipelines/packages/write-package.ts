import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import yazl from 'yazl';
import { canonicalJson, MANIFEST_FILE, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, SIGNATURE_FILE, type Manifest } from '../../../src-shared/domain/package';
import { PACKAGE_KINDS, type PackageKind } from '../../../src-shared/domain/package-kinds';
import { writeThroughPartial } from '../../files/partial-file';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../files/private-fs';
import { hashFile } from '../hash-file';
import { signManifest } from './signing';

export type ExtraFile = { path: string; data: Buffer } | { path: string; file: string };

export interface PackageContent {
  kinds: Partial<Record<PackageKind, unknown>>;
  /** Files beside the payload: the summary sheet, the platform's xlsx templates, photo ZIPs (from disk). */
  extraFiles?: ExtraFile[];
  sender: Manifest['sender'];
  institutionCode: string;
  sequence: number;
  createdAt: Date;
  signingKeyPem?: string;
}

export interface WrittenPackage {
  path: string;
  manifest: Manifest;
  /** SHA-256 of the whole ZIP file. */
  fileHash: string;
  size: number;
}

// A fixed timestamp inside the ZIP: the same content gives the same bytes.
const ZIP_TIME = new Date('2020-01-01T00:00:00Z');

/** Writes a package: payload as canonical JSON, manifest with a SHA-256 per file, optional signature. */
export async function writePackage(outPath: string, content: PackageContent, onProgress?: (done: number, total: number) => void): Promise<WrittenPackage> {
  const files: ExtraFile[] = [];
  for (const kind of Object.keys(content.kinds) as PackageKind[]) {
    files.push({ path: PACKAGE_KINDS[kind].file, data: Buffer.from(canonicalJson(content.kinds[kind]), 'utf8') });
  }
  files.push(...(content.extraFiles ?? []));
  const listed = await Promise.all(
    files.map(async (f) =>
      'data' in f
        ? { path: f.path, sha256: createHash('sha256').update(f.data).digest('hex'), size: f.data.length }
        : { path: f.path, sha256: await hashFile(f.file), size: statSync(f.file).size },
    ),
  );
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    kinds: Object.keys(content.kinds),
    sender: content.sender,
    institutionCode: content.institutionCode,
    sequence: content.sequence,
    createdAt: content.createdAt.toISOString(),
    files: listed,
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');

  const zip = new yazl.ZipFile();
  zip.addBuffer(manifestBytes, MANIFEST_FILE, { mtime: ZIP_TIME });
  if (content.signingKeyPem) zip.addBuffer(Buffer.from(`${JSON.stringify(signManifest(manifestBytes, content.signingKeyPem), null, 2)}\n`), SIGNATURE_FILE, { mtime: ZIP_TIME });
  files.forEach((f, i) => {
    // Photos and ZIPs are already compressed: storing them saves time for nothing lost.
    const options = { mtime: ZIP_TIME, compress: !/\.(jpe?g|png|zip|xlsx)$/i.test(f.path) };
    if ('data' in f) zip.addBuffer(f.data, f.path, options);
    else zip.addFile(f.file, f.path, options);
    onProgress?.(i + 1, files.length);
  });
  zip.end();

  mkdirSync(dirname(outPath), { recursive: true, mode: PRIVATE_DIR_MODE });
  const hash = createHash('sha256');
  let size = 0;
  await writeThroughPartial(
    outPath,
    (partial) =>
      new Promise<void>((resolve, reject) => {
        const out = createWriteStream(partial, { mode: PRIVATE_FILE_MODE });
        zip.outputStream.on('data', (chunk: Buffer) => {
          hash.update(chunk);
          size += chunk.length;
        });
        zip.outputStream.pipe(out);
        out.on('close', () => resolve());
        out.on('error', reject);
        zip.outputStream.on('error', reject);
      }),
  );
  return { path: outPath, manifest, fileHash: hash.digest('hex'), size };
}
