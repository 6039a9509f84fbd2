import type { CertificatePdfResult } from '../../../src-shared/api/issuance';
import { maskIdNumber } from '../../../src-shared/domain/id-number';
import { defineJob } from '../../jobs/define-job';
import { writeCertificatePdf } from '../../pipelines/pdf/certificate';
import { readInstitution } from '../institution/institution-service';
import { requireSealPng } from '../seal/seal-service';
import { sealedPdfPath } from '../seal/sealed-files';
import { readSettings } from '../settings/settings-service';
import { findCertificate } from './lookup-service';

/** 电子证书 of 证书查验: the page of the seal preview, with the certificate's own data and the seal. */
export const certificatePdfJob = defineJob<{ number: string; idNumber: string }, CertificatePdfResult>('certificate-pdf', async (ctx, input) => {
  const store = ctx.store();
  ctx.progress('生成电子证书', 0, 1);
  const c = findCertificate(store, input);
  const png = requireSealPng(store);
  const fileName = `电子证书-${c.number}.pdf`;
  const path = sealedPdfPath(ctx.dataDir, fileName);
  await writeCertificatePdf(
    {
      sample: false,
      number: c.number,
      name: c.name,
      // Printed as every sheet of the app prints one (设置 → 身份证号打印方式), not whole.
      idNumber: maskIdNumber(c.idNumber, readSettings(store).idMaskRule),
      certificateName: c.certificateName,
      level: c.level,
      orgName: c.orgName,
      issuedOn: c.issuedOn,
      institutionName: readInstitution(store)?.name ?? '',
    },
    png,
    path,
  );
  ctx.outputFile('pdf', path);
  ctx.progress('生成电子证书', 1, 1);
  return { number: c.number, fileName, pdfFile: 'pdf' };
});
