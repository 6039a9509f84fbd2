import type { CertLevel } from '../../../src-shared/domain/catalog';
import type { Store } from '../../store/store';

export interface IssuedCertificate {
  number: string;
  recordId: string;
  planCode: string;
  idNumber: string;
  name: string;
  certificateCode: string;
  certificateName: string;
  level: CertLevel;
  orgName: string;
  issuedOn: string;
}

function certificatesQuery(store: Store) {
  return store.q
    .selectFrom('issued_certificates')
    .select([
      'number',
      'record_id as recordId',
      'plan_code as planCode',
      'id_number as idNumber',
      'name',
      'certificate_code as certificateCode',
      'certificate_name as certificateName',
      'level',
      'org_name as orgName',
      'issued_on as issuedOn',
    ]);
}

export function loadCertificates(store: Store): IssuedCertificate[] {
  return store.all(certificatesQuery(store).orderBy('number'));
}

/** 证书查验: the number and the holder's ID number must both match (a number is not looked up alone). */
export function certificateByPair(store: Store, number: string, idNumber: string): IssuedCertificate | null {
  return store.get(certificatesQuery(store).where('number', '=', number).where('id_number', '=', idNumber)) ?? null;
}

/** The one place `issued_certificates` is written: a certificate is inserted once, never changed (triggers). */
export function insertCertificate(store: Store, c: IssuedCertificate, receivedAt: string): void {
  store.run(
    store.q.insertInto('issued_certificates').values({
      number: c.number,
      record_id: c.recordId,
      plan_code: c.planCode,
      id_number: c.idNumber,
      name: c.name,
      certificate_code: c.certificateCode,
      certificate_name: c.certificateName,
      level: c.level,
      org_name: c.orgName,
      issued_on: c.issuedOn,
      received_at: receivedAt,
    }),
  );
}
