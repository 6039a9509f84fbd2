import type { SealPreviewResult } from '../../../src-shared/api/seal';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { defineJob } from '../../jobs/define-job';
import { writeCertificatePdf } from '../../pipelines/pdf/certificate';
import { readInstitution } from '../institution/institution-service';
import { requireSealPng } from './seal-service';
import { sealedPdfPath } from './sealed-files';

/** 预览效果: the seal stamped on a sample certificate, the same page 证书查验 prints. */
export const sealPreviewJob = defineJob<Record<string, never>, SealPreviewResult>('seal-preview-pdf', async (ctx) => {
  const store = ctx.store();
  ctx.progress('生成证书样张', 0, 1);
  const png = requireSealPng(store);
  const fileName = '证书样张-签名章预览.pdf';
  const path = sealedPdfPath(ctx.dataDir, fileName);
  await writeCertificatePdf(
    {
      sample: true,
      number: 'YZ00000000000000',
      name: '张明',
      idNumber: '370285*****0000',
      certificateName: '××职业技能等级证书',
      level: '初级',
      orgName: '××培训评价组织',
      issuedOn: institutionDate(ctx.now()),
      institutionName: readInstitution(store)?.name ?? '试点院校',
    },
    png,
    path,
  );
  ctx.outputFile('pdf', path);
  ctx.progress('生成证书样张', 1, 1);
  return { fileName, pdfFile: 'pdf' };
});
