import { z } from 'zod';
import { op } from './contract';
import type { JobInfo } from './jobs';
import { fileId } from './files';
import { STAFF } from '../roles';

/**
 * 批量导入考生照片 (the manual's photo rules: jpg/png, ≤ 5 MB, 295×413, red background,
 * named 身份证号.jpg, zipped). One line per ZIP entry, as the CLI's --json prints it.
 */
export interface PhotoFileReport {
  /** The entry's path inside the ZIP, as decoded (GBK names included). */
  name: string;
  /** The ID number read from the file name, when there is one. */
  id: string | null;
  status: 'accepted' | 'refused' | 'ignored';
  /** OK, or why not: NOT_IMAGE, TOO_LARGE, SIZE, BACKGROUND, NO_CANDIDATE, DUPLICATE, … */
  code: string;
  message: string;
  /** Set when the candidate already has a photo that this one would replace. */
  replaces?: boolean;
  /** Set when the auto-fix resized or cropped it. */
  fixed?: boolean;
}

export interface PhotoImportReport {
  fileName: string;
  fileHash: string;
  files: PhotoFileReport[];
  counts: { accepted: number; refused: number; ignored: number; replacing: number };
}

/** After the commit: the photos written. */
export interface PhotoCommitReport extends PhotoImportReport {
  written: number;
}

export const PHOTO_RULES = { maxBytes: 5 * 1024 * 1024, width: 295, height: 413 } as const;

const photoImport = z
  .object({
    fileId,
    /** Resize/crop to 295×413 instead of refusing the wrong size. */
    fix: z.boolean().default(false),
  })
  .strict();

export const photoOps = {
  'photos.importPreview': op<JobInfo<PhotoImportReport>>()({ input: photoImport, access: STAFF, summary: '检查照片压缩包' }),
  'photos.importCommit': op<JobInfo<PhotoCommitReport>>()({
    input: photoImport.extend({ fileHash: z.string().regex(/^[0-9a-f]{64}$/), replaceExisting: z.boolean().default(false) }),
    access: STAFF,
    mutates: true,
    summary: '导入考生照片',
  }),
  'candidates.setPhoto': op<PhotoFileReport>()({
    input: z.object({ id: z.number().int().positive(), fileId, fix: z.boolean().default(false), replace: z.boolean().default(false) }).strict(),
    access: STAFF,
    mutates: true,
    summary: '上传考生照片',
  }),
};
