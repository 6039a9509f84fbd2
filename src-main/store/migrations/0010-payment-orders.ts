import type { Database } from 'better-sqlite3';

/**
 * 缴费管理 (the manual's 2.2.8): the organisation's fees, the payment orders (缴费申请单) with
 * their lines, and which enrollments each line pays for. An order's content is written once;
 * only its status moves (pending → sent → confirmed), and a confirmed order, its lines and the
 * enrollments it paid for are final. These triggers hold that whatever code path — or raw
 * statement — tries; foreign keys alone would not (they can be switched off). Frozen.
 */
export function up(db: Database): void {
  db.exec(`
    -- 收费标准: per certificate and level (an order by certificate) or per subject (by subject).
    CREATE TABLE fees (
      id INTEGER PRIMARY KEY,
      basis TEXT NOT NULL CHECK (basis IN ('certificate', 'subject')),
      certificate_code TEXT,
      level TEXT CHECK (level IN ('初级', '中级', '高级')),
      subject_code TEXT,
      fee_fen INTEGER NOT NULL CHECK (fee_fen BETWEEN 1 AND 1000000),
      updated_at TEXT NOT NULL,
      CHECK ((basis = 'certificate' AND certificate_code IS NOT NULL AND level IS NOT NULL AND subject_code IS NULL)
        OR (basis = 'subject' AND subject_code IS NOT NULL AND certificate_code IS NULL AND level IS NULL))
    ) STRICT;
    CREATE UNIQUE INDEX fees_certificate ON fees(certificate_code, level) WHERE basis = 'certificate';
    CREATE UNIQUE INDEX fees_subject ON fees(subject_code) WHERE basis = 'subject';

    -- AUTOINCREMENT: the id is the order number's sequence, never used twice even after a delete.
    CREATE TABLE payment_orders (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      order_no TEXT NOT NULL UNIQUE,
      plan_code TEXT NOT NULL REFERENCES exam_plans(code) ON DELETE RESTRICT,
      basis TEXT NOT NULL CHECK (basis IN ('certificate', 'subject')),
      source TEXT NOT NULL CHECK (source IN ('selection', 'import')),
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'confirmed')),
      line_count INTEGER NOT NULL CHECK (line_count BETWEEN 1 AND 100000),
      amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
      created_at TEXT NOT NULL,
      sent_at TEXT,
      confirmed_at TEXT,
      CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL)),
      CHECK (status = 'pending' OR sent_at IS NOT NULL)
    ) STRICT;
    CREATE INDEX payment_orders_plan ON payment_orders(plan_code);

    CREATE TABLE payment_order_lines (
      id INTEGER PRIMARY KEY,
      order_id INTEGER NOT NULL REFERENCES payment_orders(id) ON DELETE CASCADE,
      candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE RESTRICT,
      certificate_code TEXT NOT NULL,
      level TEXT NOT NULL CHECK (level IN ('初级', '中级', '高级')),
      subject_code TEXT,
      fee_fen INTEGER NOT NULL CHECK (fee_fen BETWEEN 1 AND 1000000)
    ) STRICT;
    CREATE INDEX payment_order_lines_order ON payment_order_lines(order_id);
    CREATE INDEX payment_order_lines_candidate ON payment_order_lines(candidate_id, certificate_code, level);

    -- The enrollments a line pays for (one by subject, each subject of the certificate by
    -- certificate). The primary key puts an enrollment in one order at most.
    CREATE TABLE payment_order_enrollments (
      enrollment_id INTEGER PRIMARY KEY REFERENCES enrollments(id) ON DELETE RESTRICT,
      line_id INTEGER NOT NULL REFERENCES payment_order_lines(id) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX payment_order_enrollments_line ON payment_order_enrollments(line_id);

    -- What an order asks for is written once: only its status and times move.
    CREATE TRIGGER payment_orders_content_fixed BEFORE UPDATE ON payment_orders
      WHEN NEW.id IS NOT OLD.id OR NEW.order_no IS NOT OLD.order_no OR NEW.plan_code IS NOT OLD.plan_code OR NEW.basis IS NOT OLD.basis
        OR NEW.source IS NOT OLD.source OR NEW.line_count IS NOT OLD.line_count OR NEW.amount_fen IS NOT OLD.amount_fen OR NEW.created_at IS NOT OLD.created_at
      BEGIN SELECT RAISE(ABORT, 'payment order content cannot change'); END;
    CREATE TRIGGER payment_orders_transitions BEFORE UPDATE OF status ON payment_orders
      WHEN NEW.status IS NOT OLD.status AND NOT ((OLD.status = 'pending' AND NEW.status = 'sent') OR (OLD.status = 'sent' AND NEW.status = 'confirmed'))
      BEGIN SELECT RAISE(ABORT, 'payment order status cannot move this way'); END;

    -- Confirmed is final: nothing of the order changes, and it stays. (Created last, it is checked first.)
    CREATE TRIGGER payment_orders_confirmed_final BEFORE UPDATE ON payment_orders
      WHEN OLD.status = 'confirmed'
      BEGIN SELECT RAISE(ABORT, 'payment order is confirmed and read-only'); END;
    CREATE TRIGGER payment_orders_confirmed_kept BEFORE DELETE ON payment_orders
      WHEN OLD.status = 'confirmed'
      BEGIN SELECT RAISE(ABORT, 'payment order is confirmed and cannot be deleted'); END;
    -- Lines are written with their order and never change; they go only with an unconfirmed order.
    CREATE TRIGGER payment_order_lines_fixed BEFORE UPDATE ON payment_order_lines
      BEGIN SELECT RAISE(ABORT, 'payment order lines cannot change'); END;
    CREATE TRIGGER payment_order_lines_new_only BEFORE INSERT ON payment_order_lines
      WHEN (SELECT status FROM payment_orders WHERE id = NEW.order_id) IS NOT 'pending'
      BEGIN SELECT RAISE(ABORT, 'lines are added only to a payment order not yet sent'); END;
    CREATE TRIGGER payment_order_lines_confirmed_kept BEFORE DELETE ON payment_order_lines
      WHEN (SELECT status FROM payment_orders WHERE id = OLD.order_id) = 'confirmed'
      BEGIN SELECT RAISE(ABORT, 'payment order is confirmed and read-only'); END;
    CREATE TRIGGER payment_order_enrollments_fixed BEFORE UPDATE ON payment_order_enrollments
      BEGIN SELECT RAISE(ABORT, 'payment order lines cannot change'); END;
    CREATE TRIGGER payment_order_enrollments_new_only BEFORE INSERT ON payment_order_enrollments
      WHEN (SELECT o.status FROM payment_order_lines l JOIN payment_orders o ON o.id = l.order_id WHERE l.id = NEW.line_id) IS NOT 'pending'
      BEGIN SELECT RAISE(ABORT, 'lines are added only to a payment order not yet sent'); END;
    CREATE TRIGGER payment_order_enrollments_confirmed_kept BEFORE DELETE ON payment_order_enrollments
      WHEN (SELECT o.status FROM payment_order_lines l JOIN payment_orders o ON o.id = l.order_id WHERE l.id = OLD.line_id) = 'confirmed'
      BEGIN SELECT RAISE(ABORT, 'payment order is confirmed and read-only'); END;

    -- An enrollment a confirmed order paid for stays, and stays paid; one in any order keeps what it is.
    CREATE TRIGGER enrollments_confirmed_kept BEFORE DELETE ON enrollments
      WHEN EXISTS (SELECT 1 FROM payment_order_enrollments pe JOIN payment_order_lines l ON l.id = pe.line_id JOIN payment_orders o ON o.id = l.order_id
        WHERE pe.enrollment_id = OLD.id AND o.status = 'confirmed')
      BEGIN SELECT RAISE(ABORT, 'enrollment is in a confirmed payment order'); END;
    CREATE TRIGGER enrollments_confirmed_paid BEFORE UPDATE OF paid ON enrollments
      WHEN NEW.paid IS NOT 1 AND EXISTS (SELECT 1 FROM payment_order_enrollments pe JOIN payment_order_lines l ON l.id = pe.line_id JOIN payment_orders o ON o.id = l.order_id
        WHERE pe.enrollment_id = OLD.id AND o.status = 'confirmed')
      BEGIN SELECT RAISE(ABORT, 'enrollment is paid by a confirmed payment order'); END;
    CREATE TRIGGER enrollments_ordered_fixed BEFORE UPDATE OF id, candidate_id, plan_code, subject_code ON enrollments
      WHEN (NEW.id IS NOT OLD.id OR NEW.candidate_id IS NOT OLD.candidate_id OR NEW.plan_code IS NOT OLD.plan_code OR NEW.subject_code IS NOT OLD.subject_code)
        AND EXISTS (SELECT 1 FROM payment_order_enrollments WHERE enrollment_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'enrollment is in a payment order'); END;
  `);
}
