import type { CertificateView } from '../../src-shared/api/issuance';
import { CLI_ACTOR } from '../../src-shared/actor';
import { invokeAs } from '../core/dispatch';
import { requireString, withApp, type CliCommand } from './cli-kit';

/** `certificates lookup --json`: the certificate as 证书查验 shows it (the ID number masked). */
export interface CertificateLookupJson {
  number: string;
  name: string;
  idNumber: string;
  certificate: string;
  certificateCode: string;
  level: string;
  organisation: string;
  issuedOn: string;
  plan: string;
}

export const certificatesLookupCommand: CliCommand = {
  name: 'certificates lookup',
  usage: 'certificates lookup --number 证书编号 --id 身份证号 [--data-dir 目录] [--json]（证书查验：证书编号与身份证号都须相符）',
  options: { number: { type: 'string' }, id: { type: 'string' } },
  async run({ values }): Promise<CertificateLookupJson> {
    const number = requireString(values, 'number');
    const idNumber = requireString(values, 'id');
    const c = await withApp(values, (app): Promise<CertificateView> => invokeAs(app, CLI_ACTOR, 'certificates.lookup', { number, idNumber }));
    return {
      number: c.number,
      name: c.name,
      idNumber: c.idNumber,
      certificate: c.certificateName,
      certificateCode: c.certificateCode,
      level: c.level,
      organisation: c.orgName,
      issuedOn: c.issuedOn,
      plan: c.planCode,
    };
  },
  render: (c: CertificateLookupJson) =>
    [
      `证书编号：${c.number}`,
      `姓名：${c.name}`,
      `身份证号：${c.idNumber}`,
      `证书：${c.certificate}（${c.level}）`,
      `培训评价组织：${c.organisation}`,
      `发证日期：${c.issuedOn}`,
      `考试计划：${c.plan}`,
    ].join('\n'),
};
