import { z } from 'zod';
import { empty, op } from './contract';
import { fileId } from './files';
import type { JobInfo } from './jobs';
import { SEAL_AUTHORISATION } from '../domain/seal-authorisation';
import { PRINCIPAL_ONLY } from '../roles';

/** The seal as the principal's page shows it (never its pixels: `seal.image` has those). */
export interface SealInfo {
  width: number;
  height: number;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
  authorisation: { version: string; acceptedAt: string; acceptedBy: string };
  /** Advice the rules do not refuse: a size other than the recommended 95×95. */
  warnings: string[];
}

export interface SealStatus {
  seal: SealInfo | null;
  /** The 授权委托书 wording an upload must accept now. */
  authorisationVersion: string;
}

export interface SealPreviewResult {
  fileName: string;
  /** The key of the written file for `jobs.file`. */
  pdfFile: 'pdf';
}

/**
 * 签名章 (the manual's 3.1): the principal's alone. Every operation answers anyone else 403; the
 * seal goes into no outbound package.
 */
export const sealOps = {
  'seal.status': op<SealStatus>()({ input: empty, access: PRINCIPAL_ONLY, summary: '查看签名章' }),
  'seal.image': op<{ dataUrl: string; width: number; height: number } | null>()({ input: empty, access: PRINCIPAL_ONLY, summary: '查看签名章图片' }),
  'seal.upload': op<SealStatus>()({
    input: z
      .object({
        fileId,
        /** The wording the page showed: an upload against an older one must read the new one first. */
        authorisationVersion: z.literal(SEAL_AUTHORISATION.version, { error: `《${SEAL_AUTHORISATION.title}》已更新，请刷新页面，阅读新的委托书后再上传` }),
        accepted: z.literal(true, { error: `请先阅读并勾选同意《${SEAL_AUTHORISATION.title}》` }),
      })
      .strict(),
    access: PRINCIPAL_ONLY,
    mutates: true,
    summary: '上传签名章',
  }),
  'seal.preview': op<JobInfo<SealPreviewResult>>()({ input: empty, access: PRINCIPAL_ONLY, summary: '预览签名章在证书上的效果' }),
};
