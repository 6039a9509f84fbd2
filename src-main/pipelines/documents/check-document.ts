import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { SiteFileFormat } from '../../../src-shared/domain/exam-site';
import { AppError } from '../../../src-shared/errors';
import { describeSize, indexZip } from '../zip/safe-zip';

export interface CheckedDocument {
  name: string;
  format: SiteFileFormat;
  size: number;
  sha256: string;
  data: Buffer;
}

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
// A Word 97–2003 file is an OLE2 container with a stream of this name; Excel and PowerPoint files are OLE2 too.
const WORD_STREAM = Buffer.from('WordDocument', 'utf16le');
const ZIP = Buffer.from('PK\x03\x04', 'latin1');
const DOCX_LIMITS = { maxEntries: 10_000, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

/**
 * What a document really is, from its bytes: a renamed text file or a plain ZIP is not a PDF or
 * a .docx, whatever its name says. Null with what it is instead when it is none of the three.
 */
async function sniff(path: string, bytes: Buffer, label: string): Promise<{ format: SiteFileFormat } | { format: null; what: string }> {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { format: 'pdf' };
  if (bytes.subarray(0, 8).equals(OLE2)) return bytes.includes(WORD_STREAM) ? { format: 'doc' } : { format: null, what: '旧版电子表格或演示文稿（Excel、PowerPoint 等）' };
  if (bytes.subarray(0, 4).equals(ZIP)) {
    let names: string[];
    try {
      const zip = await indexZip(path, label, DOCX_LIMITS);
      names = [...zip.entries.keys()];
      zip.close();
    } catch {
      return { format: null, what: '已损坏的压缩文件' };
    }
    if (names.includes('word/document.xml')) return { format: 'docx' };
    if (names.includes('xl/workbook.xml') || names.includes('ppt/presentation.xml')) return { format: null, what: '电子表格或演示文稿（Excel、PowerPoint）' };
    return { format: null, what: '压缩包（.docx 文件中应有 word/document.xml）' };
  }
  if (bytes.length === 0) return { format: null, what: '空文件' };
  return { format: null, what: looksLikeText(bytes.subarray(0, 4096)) ? '文本文件' : '未知格式的文件' };
}

/** UTF-8 (or GBK) text without control characters, as far as the first bytes go: a renamed .txt. */
function looksLikeText(head: Buffer): boolean {
  if (head.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return isGbk(head);
  }
}

function isGbk(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const trail = bytes[i + 1];
    // A pair cut by the end of the sample still counts as text.
    if (b < 0x81 || b > 0xfe || (trail !== undefined && (trail < 0x40 || trail > 0xfe || trail === 0x7f))) return false;
    i++;
  }
  return true;
}

/** A size over a limit to a tenth of a MB, rounded up where rounding would show it as the limit itself. */
function sizeAbove(bytes: number, limit: number): string {
  const mb = bytes / (1024 * 1024);
  const near = Math.round(mb * 10) / 10;
  return `${near * 1024 * 1024 > limit ? near : Math.ceil(mb * 10) / 10} MB`;
}

/** 其他佐证材料: a PDF or Word document (by content), within the size limit; refused naming the file. */
export async function checkDocument(path: string, name: string, maxBytes: number): Promise<CheckedDocument> {
  const size = statSync(path).size;
  if (size > maxBytes)
    throw new AppError('TOO_LARGE', `文件“${name}”有 ${sizeAbove(size, maxBytes)}，超过 ${describeSize(maxBytes)} 的上限。`, {
      file: name,
      issues: [{ path: 'files', message: '文件过大' }],
    });
  const data = readFileSync(path);
  const found = await sniff(path, data, `文件“${name}”`);
  if (found.format === null)
    throw new AppError('BAD_FILE', `文件“${name}”是${found.what}，不是 PDF 或 Word 文档；请上传 pdf、doc 或 docx 格式的文档。`, {
      file: name,
      issues: [{ path: 'files', message: '不是 PDF 或 Word 文档' }],
    });
  return { name, format: found.format, size, sha256: createHash('sha256').update(data).digest('hex'), data };
}
