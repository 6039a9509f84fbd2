import type { Store } from '../../store/store';
import type { CheckedSeal } from './check-seal';

export interface SealRecord {
  width: number;
  height: number;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
  authorisationVersion: string;
  acceptedAt: string;
  acceptedBy: string;
}

export interface SealAuthorisation {
  textVersion: string;
  textSha256: string;
  acceptedBy: number | null;
  acceptedByName: string;
  acceptedAt: string;
}

/** The seal's facts, without its pixels. */
export function loadSeal(store: Store): SealRecord | null {
  const row = store.get(
    store.q
      .selectFrom('signature_seal as s')
      .innerJoin('seal_authorisations as a', 'a.id', 's.authorisation_id')
      .select([
        's.width',
        's.height',
        's.size',
        's.sha256',
        's.uploaded_at as uploadedAt',
        's.uploaded_by_name as uploadedBy',
        'a.text_version as authorisationVersion',
        'a.accepted_at as acceptedAt',
        'a.accepted_by_name as acceptedBy',
      ]),
  );
  return row ?? null;
}

export function loadSealPng(store: Store): Buffer | null {
  return store.get(store.q.selectFrom('signature_seal').select('png'))?.png ?? null;
}

/**
 * The one place the seal tables are written: the acceptance is logged, and the seal row (there
 * is one at most) is overwritten, so the old image is nowhere to be read. Runs in the caller's
 * transaction.
 */
export function saveSeal(store: Store, seal: CheckedSeal, authorisation: SealAuthorisation): void {
  const { lastInsertRowid } = store.run(
    store.q.insertInto('seal_authorisations').values({
      text_version: authorisation.textVersion,
      text_sha256: authorisation.textSha256,
      seal_sha256: seal.sha256,
      accepted_by: authorisation.acceptedBy,
      accepted_by_name: authorisation.acceptedByName,
      accepted_at: authorisation.acceptedAt,
    }),
  );
  const row = {
    png: seal.png,
    size: seal.size,
    width: seal.width,
    height: seal.height,
    sha256: seal.sha256,
    uploaded_by: authorisation.acceptedBy,
    uploaded_by_name: authorisation.acceptedByName,
    uploaded_at: authorisation.acceptedAt,
    authorisation_id: Number(lastInsertRowid),
  };
  store.run(
    store.q
      .insertInto('signature_seal')
      .values({ id: 1, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row)),
  );
}
