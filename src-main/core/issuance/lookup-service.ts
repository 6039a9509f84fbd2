import type { CertificateView } from '../../../src-shared/api/issuance';
import { maskIdNumber } from '../../../src-shared/domain/id-number';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import { certificateByPair, type IssuedCertificate } from './certificate-store';

/** One answer for a wrong number, a wrong ID number or both: it tells nothing of which exists. */
const NOT_FOUND_MESSAGE = '未查到证书：请核对证书编号和身份证号是否正确。';

/** 证书查验: a certificate by its number and its holder's ID number, both exactly. */
export function findCertificate(store: Store, input: { number: string; idNumber: string }): IssuedCertificate {
  const c = certificateByPair(store, input.number, input.idNumber);
  if (!c) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  return c;
}

export function lookupCertificate(store: Store, input: { number: string; idNumber: string }): CertificateView {
  const c = findCertificate(store, input);
  const planName = store.get(store.q.selectFrom('exam_plans').select('name').where('code', '=', c.planCode))?.name ?? c.planCode;
  return {
    number: c.number,
    name: c.name,
    idNumber: maskIdNumber(c.idNumber),
    certificateCode: c.certificateCode,
    certificateName: c.certificateName,
    level: c.level,
    orgName: c.orgName,
    issuedOn: c.issuedOn,
    planCode: c.planCode,
    planName,
  };
}
