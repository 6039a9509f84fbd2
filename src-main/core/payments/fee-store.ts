import type { Store } from '../../store/store';

/** A fee's key: a certificate and level (orders by certificate) or a subject (by subject). */
export type FeeKey = { basis: 'certificate'; certificateCode: string; level: string } | { basis: 'subject'; subjectCode: string };

/** The fees in fen, looked up by `feeKeyOf`. */
export type FeeBook = ReadonlyMap<string, number>;

export function feeKeyOf(key: FeeKey): string {
  return key.basis === 'certificate' ? `certificate:${key.certificateCode}/${key.level}` : `subject:${key.subjectCode}`;
}

/** The one reader and writer of the fees table. */
export function loadFees(store: Store): FeeBook {
  const rows = store.all(store.q.selectFrom('fees').select(['basis', 'certificate_code', 'level', 'subject_code', 'fee_fen']));
  return new Map(
    rows.map((r) => [
      feeKeyOf(r.basis === 'certificate' ? { basis: 'certificate', certificateCode: r.certificate_code!, level: r.level! } : { basis: 'subject', subjectCode: r.subject_code! }),
      r.fee_fen,
    ]),
  );
}

/** Sets (or, with null, removes) one fee. */
export function setFee(store: Store, key: FeeKey, feeFen: number | null, at: string): void {
  if (key.basis === 'certificate') {
    store.prepare("DELETE FROM fees WHERE basis = 'certificate' AND certificate_code = ? AND level = ?").run(key.certificateCode, key.level);
    if (feeFen !== null)
      store.prepare("INSERT INTO fees (basis, certificate_code, level, fee_fen, updated_at) VALUES ('certificate', ?, ?, ?, ?)").run(key.certificateCode, key.level, feeFen, at);
  } else {
    store.prepare("DELETE FROM fees WHERE basis = 'subject' AND subject_code = ?").run(key.subjectCode);
    if (feeFen !== null) store.prepare("INSERT INTO fees (basis, subject_code, fee_fen, updated_at) VALUES ('subject', ?, ?, ?)").run(key.subjectCode, feeFen, at);
  }
}
