import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import yazl from 'yazl';
import { makePrivateFile, PRIVATE_DIR_MODE } from '../../../files/private-fs';
import { ticketPdfBuffer } from './ticket-pdf';
import type { AdmissionTicket, DataSource } from './types';

/** PDFs written but not yet on disk: past this, the next ticket waits (the file is the slow end only on a USB stick). */
const MAX_PENDING_BYTES = 16 * 1024 * 1024;

export interface TicketZipHooks {
  author: string;
  expected?: number;
  progress?: (phase: string, done: number, total: number) => void;
  throwIfCancelled?: () => void;
  now?: () => Date;
}

export interface TicketZipResult {
  files: number;
  /** The ZIP's size in bytes. */
  size: number;
  withoutPhoto: number;
}

export const ZIP_PHASE = '生成准考证';

/**
 * 准考证 as a ZIP of one PDF per candidate, `准考证号-姓名.pdf`, for sending to students: each
 * ticket is rendered alone and goes into the archive as it is done, so 10,000 tickets never sit
 * in memory at once. The PDFs are stored, not deflated again (their streams are compressed
 * already). Written through a `.partial` file: a failure or a cancel leaves no ZIP behind.
 */
export async function writeTicketZip(tickets: DataSource<AdmissionTicket>, path: string, hooks: TicketZipHooks): Promise<TicketZipResult> {
  mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
  const partial = `${path}.partial`;
  const zip = new yazl.ZipFile();
  const out = createWriteStream(partial);
  const written = new Promise<void>((resolve, reject) => {
    zip.outputStream.on('error', reject);
    out.on('error', reject);
    out.on('close', resolve);
  });
  // A failure of the stream must not go unobserved while tickets are still being rendered.
  written.catch(() => {});
  zip.outputStream.pipe(out);
  const names = new Set<string>();
  let added = 0;
  let files = 0;
  let withoutPhoto = 0;
  try {
    for await (const t of tickets) {
      hooks.throwIfCancelled?.();
      const { pdf, withoutPhoto: noPhoto } = await ticketPdfBuffer(t, files, hooks.author);
      if (noPhoto) withoutPhoto++;
      zip.addBuffer(pdf, uniqueName(names, ticketFileName(t)), { compress: false, mtime: hooks.now?.() ?? new Date() });
      added += pdf.length;
      files++;
      hooks.progress?.(ZIP_PHASE, files, Math.max(hooks.expected ?? 0, files));
      while (added - out.bytesWritten > MAX_PENDING_BYTES) await Promise.race([new Promise((r) => setTimeout(r, 10)), written]);
    }
    zip.end();
    await written;
    makePrivateFile(partial);
    renameSync(partial, path);
    return { files, size: out.bytesWritten, withoutPhoto };
  } catch (e) {
    out.destroy();
    rmSync(partial, { force: true });
    throw e;
  }
}

/** Longest name kept in a file name: well inside every file system's 255 bytes with the number and `.pdf`. */
const MAX_NAME_CHARS = 40;

/**
 * `准考证号-姓名.pdf`, the name made safe for any file system a student's PC may have: what
 * Windows forbids (\ / : * ? " < > |, control characters) and the invisible characters that
 * can make a name read backwards or hide part of it (bidi controls, zero-width marks) taken
 * out, leading and trailing dots and spaces dropped, NFC (a macOS disk would write it
 * decomposed otherwise), cut to a length. Starting with the ticket number, it is never one of
 * Windows' reserved names (CON, NUL…).
 */
export function ticketFileName(t: Pick<AdmissionTicket, 'ticketNumber' | 'name'>): string {
  const name = [
    ...t.name
      .normalize('NFC')
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .replace(/^[.\s]+|[.\s]+$/g, ''),
  ]
    .slice(0, MAX_NAME_CHARS)
    .join('')
    .trimEnd();
  return `${t.ticketNumber}-${name || '考生'}.pdf`;
}

/** The name, or with （2）, （3）… before `.pdf` when it is taken already; compared without case, as Windows and macOS do. */
export function uniqueName(taken: Set<string>, name: string): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = name.replace(/\.pdf$/, `（${n}）.pdf`);
  taken.add(candidate.toLowerCase());
  return candidate;
}
