import { col, table, type RowOf } from './columns';

/** Who each audit entry is about, for searching the log by a candidate or an account (migration 0008). */
export const auditTables = {
  audit_refs: table({
    /** `candidate:<ID number>` or `user:<id>`. */
    subject: col.text().primaryKey(),
    audit_id: col.int().primaryKey(),
    /** 1: the entry's own entity; 0: inside it (an import's rows). */
    own: col.int(0, 1),
  }),
  audit_people: table({
    subject: col.text().primaryKey(),
    /** A candidate's name, an account's display name. */
    name: col.text(),
    /** A candidate's ID number, an account's username. */
    code: col.text(),
  }),
};

export type AuditRefTable = RowOf<typeof auditTables.audit_refs>;
export type AuditPersonTable = RowOf<typeof auditTables.audit_people>;
