import iconv from 'iconv-lite';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../../../src-shared/errors';

/**
 * Reading ZIPs that come from outside (USB sticks, phones, the platform) without trusting them:
 * entry names decoded (UTF-8 flag, Info-ZIP Unicode field, else GBK as Chinese Windows writes
 * them), paths that climb out or are absolute refused, and every byte counted while it
 * inflates so a bomb is stopped at the bound, never held in memory.
 */
export interface ZipLimits {
  maxEntries: number;
  /** Inflated size of one entry. */
  maxEntryBytes: number;
  /** Inflated size of all entries read. */
  maxTotalBytes: number;
}

export interface ZipEntry {
  /** The decoded path, with / separators. */
  name: string;
  isDirectory: boolean;
  /** As the ZIP claims it; `read` checks the truth. */
  declaredSize: number;
  compressedSize: number;
  read(): Promise<Buffer>;
}

const MB = 1024 * 1024;

export function describeSize(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function openZip(path: string, label: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return reject(new AppError('BAD_FILE', `${label}不是有效的 ZIP 文件（${zipReason(err)}）。`, { file: label }));
      resolve(zip);
    }),
  );
}

function zipReason(err: Error | null | undefined): string {
  const m = err?.message ?? '';
  if (/end of central directory/i.test(m)) return '找不到 ZIP 目录，文件可能不完整或根本不是 ZIP';
  if (/truncated|unexpected EOF|too short/i.test(m)) return '文件不完整';
  return m || '无法读取';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeEntryName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  for (const field of entry.extraFields) {
    // Info-ZIP Unicode Path: version 1, CRC of the raw name, then UTF-8.
    if (field.id === 0x7075 && field.data.length > 5 && field.data.readUInt8(0) === 1) return utf8Or(field.data.subarray(5), raw);
  }
  if ((entry.generalPurposeBitFlag & 0x800) !== 0) return utf8Or(raw, raw);
  try {
    return utf8.decode(raw);
  } catch {
    return iconv.decode(raw, 'gbk');
  }
}

function utf8Or(bytes: Buffer, fallback: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return iconv.decode(fallback, 'gbk');
  }
}

/** Refuses names that could write outside a folder if anyone ever extracted them. */
export function checkEntryName(name: string, label: string): string {
  const normalised = name.replace(/\\/g, '/');
  if (normalised.includes('\0')) throw new AppError('BAD_FILE', `${label}中的条目名含有非法字符：${JSON.stringify(name)}`, { file: name });
  if (/^[a-zA-Z]:/.test(normalised) || normalised.startsWith('/'))
    throw new AppError('BAD_FILE', `${label}中的条目“${name}”是绝对路径，已拒绝。`, { file: name });
  if (normalised.split('/').includes('..')) throw new AppError('BAD_FILE', `${label}中的条目“${name}”含有“../”，可能试图写到文件夹之外，已拒绝。`, { file: name });
  return normalised;
}

/**
 * Walks the entries of a ZIP. `onEntry` may call `entry.read()` (bounded by the limits) or
 * skip it. Stops at the first refusal, with a Chinese message naming the entry.
 */
export async function walkZip(path: string, label: string, limits: ZipLimits, onEntry: (entry: ZipEntry) => Promise<void> | void): Promise<void> {
  const zip = await openZip(path, label);
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new AppError('BAD_FILE', `${label}含有 ${zip.entryCount} 个条目，超过 ${limits.maxEntries} 个的上限。`, { file: label });
  }
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      zip.close();
      reject(e instanceof AppError ? e : new AppError('BAD_FILE', `${label}无法读取：${zipReason(e as Error)}`, { file: label }));
    };
    zip.on('error', fail);
    zip.on('end', () => !failed && resolve());
    zip.on('entry', (raw: Entry) => {
      void (async () => {
        const name = checkEntryName(decodeEntryName(raw), label);
        const isDirectory = name.endsWith('/');
        const entry: ZipEntry = {
          name,
          isDirectory,
          declaredSize: raw.uncompressedSize,
          compressedSize: raw.compressedSize,
          read: () =>
            readEntry(zip, raw, name, label, Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total)).then((buf) => {
              total += buf.length;
              return buf;
            }),
        };
        await onEntry(entry);
        zip.readEntry();
      })().catch(fail);
    });
    zip.readEntry();
  });
}

function readEntry(zip: ZipFile, raw: Entry, name: string, label: string, bound: number): Promise<Buffer> {
  const tooBig = () =>
    new AppError('BAD_FILE', `${label}中的“${name}”解压后超过 ${describeSize(bound)} 的上限，可能是“压缩炸弹”，已拒绝。`, { file: name });
  if (raw.uncompressedSize > bound) return Promise.reject(tooBig());
  return new Promise((resolve, reject) => {
    zip.openReadStream(raw, (err, stream) => {
      if (err || !stream) return reject(new AppError('BAD_FILE', `${label}中的“${name}”无法解压（${zipReason(err)}）。`, { file: name }));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > bound) {
          stream.destroy();
          chunks.length = 0;
          reject(tooBig());
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (e: Error) =>
        reject(new AppError('BAD_FILE', `${label}中的“${name}”已损坏（${/too many|too few|size/i.test(e.message) ? '实际大小与声明不符' : zipReason(e)}）。`, { file: name })),
      );
      stream.on('end', () => {
        if (size <= bound) resolve(Buffer.concat(chunks));
      });
    });
  });
}

export interface ZipIndexEntry {
  name: string;
  declaredSize: number;
  read(): Promise<Buffer>;
}

/**
 * All entry names first, contents on demand in any order (an xlsx keeps its shared strings
 * after the sheets). The same name checks and inflate bounds as `walkZip`.
 */
export async function indexZip(path: string, label: string, limits: ZipLimits): Promise<{ entries: Map<string, ZipIndexEntry>; close(): void }> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (err, z) => {
      if (err || !z) return reject(new AppError('BAD_FILE', `${label}不是有效的 ZIP 文件（${zipReason(err)}）。`, { file: label }));
      resolve(z);
    }),
  );
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new AppError('BAD_FILE', `${label}含有 ${zip.entryCount} 个条目，超过 ${limits.maxEntries} 个的上限。`, { file: label });
  }
  const entries = new Map<string, ZipIndexEntry>();
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (e: Error) => reject(new AppError('BAD_FILE', `${label}无法读取：${zipReason(e)}`, { file: label })));
      zip.on('end', () => resolve());
      zip.on('entry', (raw: Entry) => {
        try {
          const name = checkEntryName(decodeEntryName(raw), label);
          entries.set(name, {
            name,
            declaredSize: raw.uncompressedSize,
            read: () =>
              readEntry(zip, raw, name, label, Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total)).then((buf) => {
                total += buf.length;
                return buf;
              }),
          });
          zip.readEntry();
        } catch (e) {
          reject(e);
        }
      });
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    throw e;
  }
  return { entries, close: () => zip.close() };
}
