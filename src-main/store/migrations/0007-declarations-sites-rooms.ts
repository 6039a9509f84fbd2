import type { Database } from 'better-sqlite3';

/**
 * 证书申报, 考点申报, 考场设置 (the manual's 1, 2.2.5, 2.2.6): the institution's profile and majors,
 * its declarations and their reviews (the year's quota), its exam sites and their reviews, and the
 * rooms of each exam plan. What is submitted or decided is read-only for the app: these triggers
 * refuse changing it except through a review, whatever code path tries. Frozen.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE institution ADD COLUMN school_type TEXT;

    CREATE TABLE institution_majors (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      level TEXT NOT NULL CHECK (level IN ('中职', '高职专科', '职业本科', '本科')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE declarations (
      id INTEGER PRIMARY KEY,
      plan_code TEXT NOT NULL REFERENCES declaration_plans(code) ON DELETE RESTRICT,
      year INTEGER NOT NULL,
      certificate_code TEXT NOT NULL,
      level TEXT NOT NULL CHECK (level IN ('初级', '中级', '高级')),
      majors_json TEXT NOT NULL DEFAULT '[]',
      proposed_count INTEGER NOT NULL CHECK (proposed_count BETWEEN 1 AND 100000),
      teachers_json TEXT NOT NULL DEFAULT '[]',
      facilities_json TEXT NOT NULL DEFAULT '[]',
      notes TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'city_approved', 'approved', 'rejected')),
      approved_count INTEGER CHECK (approved_count BETWEEN 0 AND 100000),
      rejected_stage TEXT CHECK (rejected_stage IN ('city', 'province')),
      reason TEXT,
      submitted_at TEXT,
      sent_at TEXT,
      decided_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (plan_code, certificate_code, level)
    ) STRICT;
    CREATE INDEX declarations_year ON declarations(year, status);

    -- Submitted, under review or decided: what was declared no longer changes.
    CREATE TRIGGER declarations_locked BEFORE UPDATE ON declarations
      WHEN OLD.status IN ('submitted', 'city_approved', 'approved')
        AND (NEW.plan_code IS NOT OLD.plan_code OR NEW.year IS NOT OLD.year OR NEW.certificate_code IS NOT OLD.certificate_code
          OR NEW.level IS NOT OLD.level OR NEW.majors_json IS NOT OLD.majors_json OR NEW.proposed_count IS NOT OLD.proposed_count
          OR NEW.teachers_json IS NOT OLD.teachers_json OR NEW.facilities_json IS NOT OLD.facilities_json OR NEW.notes IS NOT OLD.notes
          OR NEW.submitted_at IS NOT OLD.submitted_at OR NEW.created_at IS NOT OLD.created_at)
      BEGIN SELECT RAISE(ABORT, 'declaration is submitted and read-only'); END;
    -- An approval is final: nothing of it changes again.
    CREATE TRIGGER declarations_approved_final BEFORE UPDATE ON declarations
      WHEN OLD.status = 'approved'
        AND (NEW.status IS NOT OLD.status OR NEW.approved_count IS NOT OLD.approved_count OR NEW.reason IS NOT OLD.reason OR NEW.decided_at IS NOT OLD.decided_at)
      BEGIN SELECT RAISE(ABORT, 'declaration is approved and final'); END;
    -- Only the moves of src-shared/domain/declaration.ts.
    CREATE TRIGGER declarations_transitions BEFORE UPDATE OF status ON declarations
      WHEN NEW.status IS NOT OLD.status AND NOT (
        (OLD.status IN ('draft', 'rejected') AND NEW.status = 'submitted')
        OR (OLD.status = 'submitted' AND NEW.status IN ('city_approved', 'approved', 'rejected'))
        OR (OLD.status = 'city_approved' AND NEW.status IN ('approved', 'rejected')))
      BEGIN SELECT RAISE(ABORT, 'declaration status cannot move this way'); END;
    CREATE TRIGGER declarations_delete_draft BEFORE DELETE ON declarations
      WHEN OLD.status <> 'draft'
      BEGIN SELECT RAISE(ABORT, 'only a draft declaration can be deleted'); END;

    CREATE TABLE exam_sites (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      province TEXT NOT NULL,
      city TEXT NOT NULL,
      district TEXT NOT NULL,
      address TEXT NOT NULL,
      org_code TEXT NOT NULL,
      description TEXT NOT NULL,
      contact_name TEXT NOT NULL,
      contact_phone TEXT NOT NULL,
      contact_email TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'borrowed')),
      reason TEXT,
      borrowed_site TEXT,
      borrowed_institution TEXT,
      borrowed_address TEXT,
      submitted_at TEXT,
      sent_at TEXT,
      decided_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE exam_site_certificates (
      site_id INTEGER NOT NULL REFERENCES exam_sites(id) ON DELETE CASCADE,
      certificate_code TEXT NOT NULL,
      level TEXT NOT NULL CHECK (level IN ('初级', '中级', '高级')),
      PRIMARY KEY (site_id, certificate_code, level)
    ) STRICT;

    -- 其他佐证材料: pdf/doc/docx by content, at most 20 MB each, kept inside the store.
    CREATE TABLE exam_site_files (
      id INTEGER PRIMARY KEY,
      site_id INTEGER NOT NULL REFERENCES exam_sites(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('pdf', 'doc', 'docx')),
      size INTEGER NOT NULL CHECK (size BETWEEN 1 AND 20971520),
      sha256 TEXT NOT NULL,
      data BLOB NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX exam_site_files_site ON exam_site_files(site_id);

    CREATE TRIGGER exam_sites_locked BEFORE UPDATE ON exam_sites
      WHEN OLD.status IN ('submitted', 'approved', 'borrowed')
        AND (NEW.name IS NOT OLD.name OR NEW.province IS NOT OLD.province OR NEW.city IS NOT OLD.city OR NEW.district IS NOT OLD.district
          OR NEW.address IS NOT OLD.address OR NEW.org_code IS NOT OLD.org_code OR NEW.description IS NOT OLD.description
          OR NEW.contact_name IS NOT OLD.contact_name OR NEW.contact_phone IS NOT OLD.contact_phone OR NEW.contact_email IS NOT OLD.contact_email
          OR NEW.submitted_at IS NOT OLD.submitted_at)
      BEGIN SELECT RAISE(ABORT, 'exam site is submitted and read-only'); END;
    CREATE TRIGGER exam_sites_decided_final BEFORE UPDATE ON exam_sites
      WHEN OLD.status IN ('approved', 'borrowed') AND NEW.status IS NOT OLD.status
      BEGIN SELECT RAISE(ABORT, 'exam site is decided'); END;
    CREATE TRIGGER exam_sites_transitions BEFORE UPDATE OF status ON exam_sites
      WHEN NEW.status IS NOT OLD.status AND NOT (
        (OLD.status IN ('draft', 'rejected') AND NEW.status = 'submitted')
        OR (OLD.status = 'submitted' AND NEW.status IN ('approved', 'rejected', 'borrowed')))
      BEGIN SELECT RAISE(ABORT, 'exam site status cannot move this way'); END;
    CREATE TRIGGER exam_sites_delete_draft BEFORE DELETE ON exam_sites
      WHEN OLD.status <> 'draft'
      BEGIN SELECT RAISE(ABORT, 'only a draft exam site can be deleted'); END;
    CREATE TRIGGER exam_site_certificates_locked_insert BEFORE INSERT ON exam_site_certificates
      WHEN (SELECT status FROM exam_sites WHERE id = NEW.site_id) NOT IN ('draft', 'rejected')
      BEGIN SELECT RAISE(ABORT, 'exam site is submitted and read-only'); END;
    CREATE TRIGGER exam_site_certificates_locked_delete BEFORE DELETE ON exam_site_certificates
      WHEN (SELECT status FROM exam_sites WHERE id = OLD.site_id) NOT IN ('draft', 'rejected')
      BEGIN SELECT RAISE(ABORT, 'exam site is submitted and read-only'); END;
    CREATE TRIGGER exam_site_files_locked_insert BEFORE INSERT ON exam_site_files
      WHEN (SELECT status FROM exam_sites WHERE id = NEW.site_id) NOT IN ('draft', 'rejected')
      BEGIN SELECT RAISE(ABORT, 'exam site is submitted and read-only'); END;
    CREATE TRIGGER exam_site_files_locked_delete BEFORE DELETE ON exam_site_files
      WHEN (SELECT status FROM exam_sites WHERE id = OLD.site_id) NOT IN ('draft', 'rejected')
      BEGIN SELECT RAISE(ABORT, 'exam site is submitted and read-only'); END;

    CREATE TABLE exam_rooms (
      id INTEGER PRIMARY KEY,
      plan_code TEXT NOT NULL REFERENCES exam_plans(code) ON DELETE RESTRICT,
      site_id INTEGER NOT NULL REFERENCES exam_sites(id) ON DELETE RESTRICT,
      name TEXT NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('机考', '实操', '笔试')),
      seats INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 999),
      province TEXT NOT NULL,
      city TEXT NOT NULL,
      district TEXT NOT NULL,
      address TEXT NOT NULL,
      certificates_json TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (plan_code, site_id, name)
    ) STRICT;
    CREATE INDEX exam_rooms_plan ON exam_rooms(plan_code, type);

    -- The capacity check's expected candidates per subject, before anyone is enrolled.
    CREATE TABLE capacity_expectations (
      plan_code TEXT NOT NULL REFERENCES exam_plans(code) ON DELETE CASCADE,
      subject_code TEXT NOT NULL,
      expected INTEGER NOT NULL CHECK (expected BETWEEN 0 AND 100000),
      PRIMARY KEY (plan_code, subject_code)
    ) STRICT;
  `);
}
