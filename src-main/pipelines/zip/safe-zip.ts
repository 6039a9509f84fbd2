import { createInflateRaw } from 'node:zlib';
import iconv from 'iconv-lite';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../../../src-shared/errors';
import { FileWindows } from './file-windows';
import { deflateBound, inflateExactly, SizeMismatch } from './inflate-exactly';

/**
 * Reading ZIPs that come from outside (USB sticks, phones, the platform) without trusting them:
 * entry names decoded (UTF-8 flag, Info-ZIP Unicode field, else GBK as Chinese Windows writes
 * them), paths that climb out or are absolute refused, and no entry inflated past the size it
 * declares (itself within the bound), so a bomb is stopped at the bound, never held in memory.
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

/**
 * yauzl parses and checks the ZIP's structure; its reads go through `FileWindows`, so the
 * directory and the entries' data come from a few large reads instead of thousands of small ones.
 */
async function openZip(path: string, label: string, autoClose: boolean): Promise<{ zip: ZipFile; file: FileWindows }> {
  const notZip = (err: Error | null | undefined) => new AppError('BAD_FILE', `${label}不是有效的 ZIP 文件（${zipReason(err)}）。`, { file: label });
  const file = await FileWindows.open(path).catch((e: Error) => {
    throw notZip(e);
  });
  return new Promise((resolve, reject) =>
    yauzl.fromRandomAccessReader(file, file.size, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose }, (err, zip) => {
      if (err || !zip) {
        file.close(() => undefined);
        return reject(notZip(err));
      }
      resolve({ zip, file });
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
  if (/^[a-zA-Z]:/.test(normalised) || normalised.startsWith('/')) throw new AppError('BAD_FILE', `${label}中的条目“${name}”是绝对路径，已拒绝。`, { file: name });
  if (normalised.split('/').includes('..')) throw new AppError('BAD_FILE', `${label}中的条目“${name}”含有“../”，可能试图写到文件夹之外，已拒绝。`, { file: name });
  return normalised;
}

/**
 * Walks the entries of a ZIP. `onEntry` may call `entry.read()` (bounded by the limits) or
 * skip it. Stops at the first refusal, with a Chinese message naming the entry.
 */
export async function walkZip(path: string, label: string, limits: ZipLimits, onEntry: (entry: ZipEntry) => Promise<void> | void): Promise<void> {
  const { zip, file } = await openZip(path, label, true);
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
            readEntry(zip, file, raw, name, label, Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total)).then((buf) => {
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

/**
 * Where an entry's data starts and how much of it to read, after the refusals yauzl's
 * `openReadStream` made (encrypted, unknown method, bigger than `bound` by its own account).
 */
async function storedData(zip: ZipFile, file: FileWindows, raw: Entry, name: string, label: string, bound: number): Promise<{ stored: Buffer; cutShort: boolean }> {
  const unreadable = (err: Error) => new AppError('BAD_FILE', `${label}中的“${name}”无法解压（${zipReason(err)}）。`, { file: name });
  if (raw.uncompressedSize > bound) throw new AppError('BAD_FILE', `${label}中的“${name}”解压后超过 ${describeSize(bound)} 的上限，可能是“压缩炸弹”，已拒绝。`, { file: name });
  if (raw.isEncrypted()) throw unreadable(new Error('entry is encrypted, and options.decodeFileData !== false'));
  if (raw.compressionMethod !== 0 && raw.compressionMethod !== 8) throw unreadable(new Error(`unsupported compression method: ${raw.compressionMethod}`));
  let start: number;
  try {
    ({ fileDataStart: start } = await zip.readLocalFileHeaderPromise(raw, { minimal: true }));
  } catch (e) {
    throw unreadable(e as Error);
  }
  // A deflate stream for the declared size ends within `deflateBound` bytes, and zlib ignores
  // what follows its end (as the streamed read did): a directory that claims gigabytes of
  // compressed data for a small entry costs no more memory than an honest one.
  const length = raw.compressionMethod === 8 ? Math.min(raw.compressedSize, deflateBound(raw.uncompressedSize)) : raw.compressedSize;
  const stored = await file.bytes(start, length);
  if (stored.length < length) throw damaged(name, label, zipReason(new Error('unexpected EOF')));
  return { stored, cutShort: length < raw.compressedSize };
}

const SIZE_LIE = '实际大小与声明不符';

function damaged(name: string, label: string, reason: string): AppError {
  return new AppError('BAD_FILE', `${label}中的“${name}”已损坏（${reason}）。`, { file: name });
}

/** Why inflating failed; cut at the bound, a stream that still wants input is one that inflates past its size. */
function inflateFailure(e: unknown, cutShort: boolean, name: string, label: string): AppError {
  return damaged(name, label, e instanceof SizeMismatch || (cutShort && (e as { code?: string }).code === 'Z_BUF_ERROR') ? SIZE_LIE : zipReason(e as Error));
}

/**
 * One entry's bytes, inflated within `bound` and checked against the size its directory entry
 * declares (the refusals yauzl's `openReadStream` made, and its size validation), read from the
 * file's windows in one piece rather than streamed in chunks.
 */
async function readEntry(zip: ZipFile, file: FileWindows, raw: Entry, name: string, label: string, bound: number): Promise<Buffer> {
  const { stored, cutShort } = await storedData(zip, file, raw, name, label, bound);
  // Stored entries were checked against their declared size when listed (validateEntrySizes).
  if (raw.compressionMethod === 0) return Buffer.from(stored);
  try {
    return await inflateExactly(stored, raw.uncompressedSize);
  } catch (e) {
    throw inflateFailure(e, cutShort, name, label);
  }
}

const CHUNK_BYTES = 64 * 1024;

/**
 * The same bytes as `readEntry`, inflated a chunk at a time as the caller asks for them: a
 * part that inflates to hundreds of megabytes (a spreadsheet's sheet or its shared strings)
 * never sits in memory whole, and a reader that stops early stops the inflate too.
 */
async function* streamEntry(zip: ZipFile, file: FileWindows, raw: Entry, name: string, label: string, bound: number): AsyncGenerator<Buffer> {
  const { stored, cutShort } = await storedData(zip, file, raw, name, label, bound);
  if (raw.compressionMethod === 0) {
    for (let at = 0; at < stored.length; at += CHUNK_BYTES) yield Buffer.from(stored.subarray(at, at + CHUNK_BYTES));
    return;
  }
  const inflate = createInflateRaw({ chunkSize: CHUNK_BYTES });
  inflate.end(stored);
  let total = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > raw.uncompressedSize) throw new SizeMismatch(`more than ${raw.uncompressedSize} bytes`);
      yield chunk;
    }
  } catch (e) {
    throw inflateFailure(e, cutShort, name, label);
  } finally {
    inflate.destroy();
  }
  if (total !== raw.uncompressedSize) throw damaged(name, label, SIZE_LIE);
}

export interface ZipIndexEntry {
  name: string;
  declaredSize: number;
  read(): Promise<Buffer>;
  /** The inflated bytes in chunks of up to 64 KB, with the bounds and checks of `read`. */
  chunks(): AsyncGenerator<Buffer>;
}

/**
 * All entry names first, contents on demand in any order (an xlsx keeps its shared strings
 * after the sheets). The same name checks and inflate bounds as `walkZip`.
 */
export async function indexZip(path: string, label: string, limits: ZipLimits): Promise<{ entries: Map<string, ZipIndexEntry>; close(): void }> {
  const { zip, file } = await openZip(path, label, false);
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
              readEntry(zip, file, raw, name, label, Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total)).then((buf) => {
                total += buf.length;
                return buf;
              }),
            chunks: async function* () {
              yield* streamEntry(zip, file, raw, name, label, Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total));
              total += raw.uncompressedSize;
            },
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
