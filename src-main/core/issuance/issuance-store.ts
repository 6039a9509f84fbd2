import type { IssuanceDecision } from '../../../src-shared/domain/issuance';
import type { CertLevel } from '../../../src-shared/domain/catalog';
import type { Store } from '../../store/store';

/** One 证书发放记录 with its decision, the sitting it was taken in, and its certificate, if any. */
export interface RecordRow {
  recordId: string;
  planCode: string;
  planName: string;
  candidateId: number;
  idNumber: string;
  name: string;
  certificateCode: string;
  certificateName: string;
  level: CertLevel;
  composite: number | null;
  listedAt: string;
  decisionId: number | null;
  decision: IssuanceDecision | null;
  reason: string | null;
  sittingId: number | null;
  signer: string | null;
  decidedAt: string | null;
  sentAt: string | null;
  certificateNumber: string | null;
}

function recordsQuery(store: Store) {
  return store.q
    .selectFrom('issuance_records as r')
    .innerJoin('exam_plans as p', 'p.code', 'r.plan_code')
    .innerJoin('certificates as c', 'c.code', 'r.certificate_code')
    .leftJoin('issuance_decisions as d', 'd.record_id', 'r.record_id')
    .leftJoin('issuance_sittings as s', 's.id', 'd.sitting_id')
    .leftJoin('issuance_decisions_sent as x', 'x.decision_id', 'd.id')
    .leftJoin('issued_certificates as ic', 'ic.record_id', 'r.record_id')
    .select([
      'r.record_id as recordId',
      'r.plan_code as planCode',
      'p.name as planName',
      'r.candidate_id as candidateId',
      'r.id_number as idNumber',
      'r.name',
      'r.certificate_code as certificateCode',
      'c.name as certificateName',
      'r.level',
      'r.composite',
      'r.listed_at as listedAt',
      'd.id as decisionId',
      'd.decision',
      'd.reason',
      's.id as sittingId',
      's.signer_name as signer',
      's.signed_at as decidedAt',
      'x.sent_at as sentAt',
      'ic.number as certificateNumber',
    ])
    .orderBy('r.plan_code')
    .orderBy('r.certificate_code')
    .orderBy('r.level')
    .orderBy('r.id_number');
}

export function loadRecords(store: Store): RecordRow[] {
  return store.all(recordsQuery(store));
}

export function loadRecordsById(store: Store, recordIds: readonly string[]): RecordRow[] {
  const rows: RecordRow[] = [];
  // SQLite's bound-parameter limit is far above this; chunks keep each statement small.
  for (let i = 0; i < recordIds.length; i += 500) rows.push(...store.all(recordsQuery(store).where('r.record_id', 'in', recordIds.slice(i, i + 500))));
  return rows;
}

export interface NewRecord {
  recordId: string;
  planCode: string;
  candidateId: number;
  idNumber: string;
  name: string;
  certificateCode: string;
  level: CertLevel;
  composite: number | null;
  listedAt: string;
}

/** The platform's record, new or as it now lists it (a decided record the triggers keep as it was). */
export function upsertRecord(store: Store, r: NewRecord, receivedAt: string): void {
  const row = {
    plan_code: r.planCode,
    candidate_id: r.candidateId,
    id_number: r.idNumber,
    name: r.name,
    certificate_code: r.certificateCode,
    level: r.level,
    composite: r.composite,
    listed_at: r.listedAt,
    received_at: receivedAt,
  };
  store.run(
    store.q
      .insertInto('issuance_records')
      .values({ record_id: r.recordId, ...row })
      .onConflict((oc) => oc.column('record_id').doUpdateSet(row)),
  );
}

export interface NewSitting {
  signerId: number | null;
  signerName: string;
  signedAt: string;
  signaturePng: Buffer;
  signatureSha256: string;
  sealSha256: string | null;
}

/** A sitting and its decisions, in the caller's transaction; the triggers refuse a record decided before. */
export function insertSitting(store: Store, s: NewSitting, decisions: { recordId: string; decision: IssuanceDecision; reason: string | null }[]): number {
  const { lastInsertRowid } = store.run(
    store.q.insertInto('issuance_sittings').values({
      signer_id: s.signerId,
      signer_name: s.signerName,
      signed_at: s.signedAt,
      signature_png: s.signaturePng,
      signature_sha256: s.signatureSha256,
      seal_sha256: s.sealSha256,
    }),
  );
  const sittingId = Number(lastInsertRowid);
  const insert = store.prepare('INSERT INTO issuance_decisions (record_id, sitting_id, decision, reason) VALUES (?, ?, ?, ?)');
  for (const d of decisions) insert.run(d.recordId, sittingId, d.decision, d.reason);
  return sittingId;
}

export interface UnsentDecision {
  decisionId: number;
  recordId: string;
  planCode: string;
  idNumber: string;
  name: string;
  certificateCode: string;
  level: CertLevel;
  decision: IssuanceDecision;
  reason: string | null;
  sittingId: number;
  signer: string;
  decidedAt: string;
}

export function loadUnsentDecisions(store: Store): UnsentDecision[] {
  return store.all(
    store.q
      .selectFrom('issuance_decisions as d')
      .innerJoin('issuance_records as r', 'r.record_id', 'd.record_id')
      .innerJoin('issuance_sittings as s', 's.id', 'd.sitting_id')
      .leftJoin('issuance_decisions_sent as x', 'x.decision_id', 'd.id')
      .where('x.decision_id', 'is', null)
      .select([
        'd.id as decisionId',
        'd.record_id as recordId',
        'r.plan_code as planCode',
        'r.id_number as idNumber',
        'r.name',
        'r.certificate_code as certificateCode',
        'r.level',
        'd.decision',
        'd.reason',
        's.id as sittingId',
        's.signer_name as signer',
        's.signed_at as decidedAt',
      ])
      .orderBy('d.id'),
  );
}

export function countUnsentDecisions(store: Store): number {
  return (
    store.get(
      store.q
        .selectFrom('issuance_decisions as d')
        .leftJoin('issuance_decisions_sent as x', 'x.decision_id', 'd.id')
        .where('x.decision_id', 'is', null)
        .select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0
  );
}

export function loadSittingSignatures(store: Store, sittingIds: readonly number[]): { id: number; signer: string; signedAt: string; png: Buffer }[] {
  if (!sittingIds.length) return [];
  return store.all(
    store.q
      .selectFrom('issuance_sittings')
      .select(['id', 'signer_name as signer', 'signed_at as signedAt', 'signature_png as png'])
      .where('id', 'in', [...sittingIds])
      .orderBy('id'),
  );
}

export function markDecisionsSent(store: Store, decisionIds: readonly number[], sentAt: string): void {
  const insert = store.prepare('INSERT OR IGNORE INTO issuance_decisions_sent (decision_id, sent_at) VALUES (?, ?)');
  for (const id of decisionIds) insert.run(id, sentAt);
}
