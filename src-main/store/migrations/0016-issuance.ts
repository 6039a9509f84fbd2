import type { Database } from 'better-sqlite3';

/**
 * 签名章 and 证书发放 (the manual's section 3).
 *
 * The principal's signature seal: one row at most, its PNG and what was checked of it, and every
 * acceptance of the 《电子签名章使用授权委托书》 (who, when, which text, for which seal) kept as a
 * log. Replacing the seal overwrites the one row: no old seal stays readable.
 *
 * 证书发放记录 as the platform's 发放名单 lists them (its record id), the institution's decisions
 * on them — 确认签发 or 不予签发 with a reason — each made in a sitting that holds the signer and
 * the signature drawn on screen, and the certificates the organisation issued afterwards. A
 * decision is irreversible: the triggers refuse changing or deleting one (or its sitting), a
 * second decision for a record, changing a decided record, and a certificate without a
 * confirmation. Frozen.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE seal_authorisations (
      id INTEGER PRIMARY KEY,
      text_version TEXT NOT NULL CHECK (length(text_version) BETWEEN 1 AND 40),
      text_sha256 TEXT NOT NULL CHECK (length(text_sha256) = 64),
      -- The seal the acceptance was given with.
      seal_sha256 TEXT NOT NULL CHECK (length(seal_sha256) = 64),
      accepted_by INTEGER REFERENCES users(id) ON DELETE RESTRICT,
      accepted_by_name TEXT NOT NULL CHECK (length(accepted_by_name) BETWEEN 1 AND 60),
      accepted_at TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER seal_authorisations_kept_update BEFORE UPDATE ON seal_authorisations
      BEGIN SELECT RAISE(ABORT, 'a seal authorisation is a record'); END;
    CREATE TRIGGER seal_authorisations_kept_delete BEFORE DELETE ON seal_authorisations
      BEGIN SELECT RAISE(ABORT, 'a seal authorisation is a record'); END;

    CREATE TABLE signature_seal (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      png BLOB NOT NULL CHECK (length(png) BETWEEN 1 AND 1048576),
      size INTEGER NOT NULL CHECK (size = length(png)),
      width INTEGER NOT NULL CHECK (width > 0),
      height INTEGER NOT NULL CHECK (height > 0),
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      uploaded_by INTEGER REFERENCES users(id) ON DELETE RESTRICT,
      uploaded_by_name TEXT NOT NULL CHECK (length(uploaded_by_name) BETWEEN 1 AND 60),
      uploaded_at TEXT NOT NULL,
      authorisation_id INTEGER NOT NULL REFERENCES seal_authorisations(id)
    ) STRICT;
    CREATE TRIGGER signature_seal_authorised BEFORE INSERT ON signature_seal
      WHEN NOT EXISTS (SELECT 1 FROM seal_authorisations a WHERE a.id = NEW.authorisation_id AND a.seal_sha256 = NEW.sha256)
      BEGIN SELECT RAISE(ABORT, 'a seal is saved with its own authorisation'); END;
    CREATE TRIGGER signature_seal_reauthorised BEFORE UPDATE ON signature_seal
      WHEN NOT EXISTS (SELECT 1 FROM seal_authorisations a WHERE a.id = NEW.authorisation_id AND a.seal_sha256 = NEW.sha256)
      BEGIN SELECT RAISE(ABORT, 'a seal is saved with its own authorisation'); END;

    CREATE TABLE issuance_records (
      record_id TEXT PRIMARY KEY CHECK (length(record_id) BETWEEN 1 AND 40),
      plan_code TEXT NOT NULL REFERENCES exam_plans(code) ON DELETE RESTRICT,
      candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE RESTRICT,
      -- As the platform listed them.
      id_number TEXT NOT NULL,
      name TEXT NOT NULL,
      certificate_code TEXT NOT NULL REFERENCES certificates(code) ON DELETE RESTRICT,
      level TEXT NOT NULL CHECK (level IN ('初级', '中级', '高级')),
      composite REAL,
      listed_at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      UNIQUE (plan_code, id_number, certificate_code, level)
    ) STRICT;
    CREATE INDEX issuance_records_candidate ON issuance_records(candidate_id);

    -- One sitting: the principal's password re-entered and a signature drawn, then its decisions.
    CREATE TABLE issuance_sittings (
      id INTEGER PRIMARY KEY,
      signer_id INTEGER REFERENCES users(id) ON DELETE RESTRICT,
      signer_name TEXT NOT NULL CHECK (length(signer_name) BETWEEN 1 AND 60),
      signed_at TEXT NOT NULL,
      signature_png BLOB NOT NULL CHECK (length(signature_png) BETWEEN 1 AND 300000),
      signature_sha256 TEXT NOT NULL CHECK (length(signature_sha256) = 64),
      -- The seal in place when it confirmed (NULL for a sitting that only refused).
      seal_sha256 TEXT CHECK (seal_sha256 IS NULL OR length(seal_sha256) = 64)
    ) STRICT;
    CREATE TRIGGER issuance_sittings_final_update BEFORE UPDATE ON issuance_sittings
      BEGIN SELECT RAISE(ABORT, 'an issuance sitting is final'); END;
    CREATE TRIGGER issuance_sittings_final_delete BEFORE DELETE ON issuance_sittings
      BEGIN SELECT RAISE(ABORT, 'an issuance sitting is final'); END;

    CREATE TABLE issuance_decisions (
      id INTEGER PRIMARY KEY,
      record_id TEXT NOT NULL UNIQUE REFERENCES issuance_records(record_id) ON DELETE RESTRICT,
      sitting_id INTEGER NOT NULL REFERENCES issuance_sittings(id) ON DELETE RESTRICT,
      decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'refused')),
      reason TEXT CHECK (reason IS NULL OR length(trim(reason)) BETWEEN 1 AND 200),
      CHECK ((decision = 'refused') = (reason IS NOT NULL))
    ) STRICT;
    CREATE INDEX issuance_decisions_sitting ON issuance_decisions(sitting_id);
    CREATE TRIGGER issuance_decisions_once BEFORE INSERT ON issuance_decisions
      WHEN EXISTS (SELECT 1 FROM issuance_decisions d WHERE d.record_id = NEW.record_id)
      BEGIN SELECT RAISE(ABORT, 'an issuance record is decided once'); END;
    CREATE TRIGGER issuance_decisions_final_update BEFORE UPDATE ON issuance_decisions
      BEGIN SELECT RAISE(ABORT, 'an issuance decision is final'); END;
    CREATE TRIGGER issuance_decisions_final_delete BEFORE DELETE ON issuance_decisions
      BEGIN SELECT RAISE(ABORT, 'an issuance decision is final'); END;
    CREATE TRIGGER issuance_records_decided_update BEFORE UPDATE ON issuance_records
      WHEN EXISTS (SELECT 1 FROM issuance_decisions d WHERE d.record_id = OLD.record_id)
      BEGIN SELECT RAISE(ABORT, 'a decided issuance record is final'); END;
    CREATE TRIGGER issuance_records_decided_delete BEFORE DELETE ON issuance_records
      WHEN EXISTS (SELECT 1 FROM issuance_decisions d WHERE d.record_id = OLD.record_id)
      BEGIN SELECT RAISE(ABORT, 'a decided issuance record is final'); END;

    -- When a decision left in a 签发决定 package (the decision itself never changes).
    CREATE TABLE issuance_decisions_sent (
      decision_id INTEGER PRIMARY KEY REFERENCES issuance_decisions(id) ON DELETE RESTRICT,
      sent_at TEXT NOT NULL
    ) STRICT;

    -- 电子证书 the organisation issued once both sides signed: what 证书查验 finds.
    CREATE TABLE issued_certificates (
      number TEXT PRIMARY KEY CHECK (length(number) BETWEEN 6 AND 40),
      record_id TEXT NOT NULL UNIQUE REFERENCES issuance_records(record_id) ON DELETE RESTRICT,
      plan_code TEXT NOT NULL,
      id_number TEXT NOT NULL,
      name TEXT NOT NULL,
      certificate_code TEXT NOT NULL,
      certificate_name TEXT NOT NULL,
      level TEXT NOT NULL CHECK (level IN ('初级', '中级', '高级')),
      org_name TEXT NOT NULL,
      issued_on TEXT NOT NULL,
      received_at TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER issued_certificates_confirmed BEFORE INSERT ON issued_certificates
      WHEN NOT EXISTS (SELECT 1 FROM issuance_decisions d WHERE d.record_id = NEW.record_id AND d.decision = 'confirmed')
      BEGIN SELECT RAISE(ABORT, 'a certificate needs a confirmed issuance'); END;
    CREATE TRIGGER issued_certificates_final_update BEFORE UPDATE ON issued_certificates
      BEGIN SELECT RAISE(ABORT, 'an issued certificate is final'); END;
    CREATE TRIGGER issued_certificates_final_delete BEFORE DELETE ON issued_certificates
      BEGIN SELECT RAISE(ABORT, 'an issued certificate is final'); END;
  `);
}
