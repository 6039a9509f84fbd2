import { z } from 'zod';

/** A file the core holds for a person (an upload, an export): its id, never its path. */
export interface FileRef {
  fileId: string;
  name: string;
  size: number;
}

export const fileId = z.string().regex(/^[a-f0-9-]{36}$/, { error: '文件编号不正确' });
