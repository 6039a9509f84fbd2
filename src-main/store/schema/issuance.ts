import { col, table, type RowOf } from './columns';

const level = () => col.text('初级', '中级', '高级');

/** 签名章 with its authorisations, and 证书发放: the platform's records, the sittings and decisions on them, the issued certificates (migration 0016). */
export const issuanceTables = {
  seal_authorisations: table({
    id: col.int().primaryKey().generated(),
    text_version: col.text(),
    text_sha256: col.text(),
    seal_sha256: col.text(),
    accepted_by: col.int().nullable(),
    accepted_by_name: col.text(),
    accepted_at: col.text(),
  }),
  signature_seal: table({
    id: col.int().primaryKey(),
    png: col.blob(),
    size: col.int(),
    width: col.int(),
    height: col.int(),
    sha256: col.text(),
    uploaded_by: col.int().nullable(),
    uploaded_by_name: col.text(),
    uploaded_at: col.text(),
    authorisation_id: col.int(),
  }),
  issuance_records: table({
    record_id: col.text().primaryKey(),
    plan_code: col.text(),
    candidate_id: col.int(),
    id_number: col.text(),
    name: col.text(),
    certificate_code: col.text(),
    level: level(),
    composite: col.real().nullable(),
    listed_at: col.text(),
    received_at: col.text(),
  }),
  issuance_sittings: table({
    id: col.int().primaryKey().generated(),
    signer_id: col.int().nullable(),
    signer_name: col.text(),
    signed_at: col.text(),
    signature_png: col.blob(),
    signature_sha256: col.text(),
    seal_sha256: col.text().nullable(),
  }),
  issuance_decisions: table({
    id: col.int().primaryKey().generated(),
    record_id: col.text(),
    sitting_id: col.int(),
    decision: col.text('confirmed', 'refused'),
    reason: col.text().nullable(),
  }),
  issuance_decisions_sent: table({
    decision_id: col.int().primaryKey(),
    sent_at: col.text(),
  }),
  issued_certificates: table({
    number: col.text().primaryKey(),
    record_id: col.text(),
    plan_code: col.text(),
    id_number: col.text(),
    name: col.text(),
    certificate_code: col.text(),
    certificate_name: col.text(),
    level: level(),
    org_name: col.text(),
    issued_on: col.text(),
    received_at: col.text(),
  }),
};

export type SignatureSealTable = RowOf<typeof issuanceTables.signature_seal>;
export type IssuanceRecordTable = RowOf<typeof issuanceTables.issuance_records>;
export type IssuedCertificateTable = RowOf<typeof issuanceTables.issued_certificates>;
