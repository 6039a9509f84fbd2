import type { Kysely } from 'kysely';
import { ACTOR_LABELS, ENTITY_LABELS } from '../../../src-shared/domain/audit-labels';
import { maskIdNumber } from '../../../src-shared/domain/id-number';
import { PACKAGE_KINDS } from '../../../src-shared/domain/package-kinds';
import type { DB } from '../../store/schema';
import type { Store } from '../../store/store';
import { readInstitution } from '../institution/institution-service';
import { candidateSubject } from './audit-subjects';

/** Each entry's own candidate or account, from the partial index on `audit_refs` (the query-plan test holds it there). */
export const ownSubjectsQuery = (q: Kysely<DB>, ids: number[]) => q.selectFrom('audit_refs').select(['audit_id', 'subject']).where('own', '=', 1).where('audit_id', 'in', ids);

/** What an entry recorded of its entity: the fallback when the entity is gone. */
export type Recorded = Record<string, unknown>;

interface Person {
  name: string;
  live: boolean;
}

const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
const chunks = <T>(items: T[], size = 500): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Names for the entities of a page of entries, read in a few statements for the whole page:
 * a candidate as its name and masked ID number, an account as its name and username, a package
 * by its sequence and kinds. Resolved from the store as it is now; an entity that is gone falls
 * back to what the log itself recorded of it.
 */
export class AuditNames {
  private readonly people = new Map<string, Person>();
  private readonly ownSubjects = new Map<number, string>();
  private readonly candidatesById = new Map<string, { idNumber: string; name: string }>();
  private readonly users = new Map<string, { username: string; displayName: string }>();
  private readonly usersByName = new Map<string, string>();
  private readonly packages = new Map<string, { direction: string; sequence: number; kinds: string[] }>();
  private institution: { code: string; name: string } | null = null;

  constructor(private readonly store: Store) {}

  /** Loads what `entity` and `actor` need for these entries. */
  loadEntries(rows: { id: number; entity_type: string; entity_id: string | null; actor: string; actor_id: number | null }[]): this {
    const { store } = this;
    const ids = rows.map((r) => r.id);
    for (const part of chunks(ids)) for (const r of store.all(ownSubjectsQuery(store.q, part))) this.ownSubjects.set(r.audit_id, r.subject);
    const of = (type: string) => [...new Set(rows.filter((r) => r.entity_type === type && r.entity_id !== null).map((r) => r.entity_id!))];
    const unindexed = rows.filter((r) => r.entity_type === 'candidate' && r.entity_id !== null && !this.ownSubjects.has(r.id)).map((r) => Number(r.entity_id));
    for (const part of chunks([...new Set(unindexed)]))
      for (const c of store.all(store.q.selectFrom('candidates').select(['id', 'id_number', 'name']).where('id', 'in', part)))
        this.candidatesById.set(String(c.id), { idNumber: c.id_number, name: c.name });
    this.loadPeople([...this.ownSubjects.values()].filter((s) => s.startsWith('candidate:')).map((s) => s.slice('candidate:'.length)));

    const userIds = [...new Set([...of('user'), ...rows.flatMap((r) => (r.actor_id === null ? [] : [String(r.actor_id)]))])];
    for (const part of chunks(userIds))
      for (const u of store.all(store.q.selectFrom('users').select(['id', 'username', 'display_name']).where('id', 'in', part.map(Number)))) {
        this.users.set(String(u.id), { username: u.username, displayName: u.display_name });
        this.usersByName.set(u.username, u.display_name);
      }
    for (const part of chunks(of('package').map(Number)))
      for (const p of store.all(store.q.selectFrom('package_history').select(['id', 'direction', 'sequence', 'kinds_json']).where('id', 'in', part)))
        this.packages.set(String(p.id), { direction: p.direction, sequence: p.sequence, kinds: JSON.parse(p.kinds_json) as string[] });
    if (rows.some((r) => r.entity_type === 'institution')) this.institution = readInstitution(store);
    return this;
  }

  /** Loads the candidates these ID numbers name: from the store, else as the log last knew them. */
  loadPeople(idNumbers: string[]): this {
    const { store } = this;
    const wanted = [...new Set(idNumbers)].filter((id) => !this.people.has(id));
    for (const part of chunks(wanted)) {
      for (const c of store.all(store.q.selectFrom('candidates').select(['id_number', 'name']).where('id_number', 'in', part)))
        this.people.set(c.id_number, { name: c.name, live: true });
      const gone = part.filter((id) => !this.people.has(id));
      if (gone.length)
        for (const p of store.all(store.q.selectFrom('audit_people').select(['code', 'name']).where('subject', 'in', gone.map(candidateSubject))))
          this.people.set(p.code, { name: p.name, live: false });
    }
    return this;
  }

  knows(idNumber: string): boolean {
    return Boolean(this.people.get(idNumber)?.name);
  }

  /** 张三（370285*****5910）; one no longer in the store says so. */
  person(idNumber: string, recordedName: string | null = null): string {
    const known = this.people.get(idNumber);
    const name = known?.name || recordedName;
    const masked = maskIdNumber(idNumber);
    const gone = known?.live ? '' : '，已删除';
    return name ? `${name}（${masked}${gone}）` : `${masked}${gone ? '（已删除）' : ''}`;
  }

  actor(row: { actor: string; actor_id: number | null }): string {
    const fixed = ACTOR_LABELS[row.actor];
    if (fixed) return fixed;
    const name = (row.actor_id !== null ? this.users.get(String(row.actor_id))?.displayName : undefined) ?? this.usersByName.get(row.actor);
    return name && name !== row.actor ? `${name}（${row.actor}）` : row.actor;
  }

  entity(row: { id: number; entity_type: string; entity_id: string | null }, recorded: Recorded): string {
    const id = row.entity_id;
    switch (row.entity_type) {
      case 'candidate': {
        const subject = this.ownSubjects.get(row.id);
        if (subject) return this.person(subject.slice('candidate:'.length), text(recorded.name));
        const live = id === null ? undefined : this.candidatesById.get(id);
        if (live) return `${live.name}（${maskIdNumber(live.idNumber)}）`;
        return text(recorded.name) ?? `考生（编号 ${id ?? '—'}，已删除）`;
      }
      case 'user': {
        const user = id === null ? undefined : this.users.get(id);
        const name = user?.displayName ?? text(recorded.displayName);
        const username = user?.username ?? text(recorded.username);
        if (name && username) return `${name}（${username}）`;
        return name ?? username ?? `账号（编号 ${id ?? '—'}）`;
      }
      case 'package': {
        const pkg = id === null ? undefined : this.packages.get(id);
        const sequence = pkg?.sequence ?? (typeof recorded.sequence === 'number' ? recorded.sequence : null);
        const kinds =
          pkg?.kinds ?? (Array.isArray(recorded.kinds) ? (recorded.kinds as string[]) : recorded.counts && typeof recorded.counts === 'object' ? Object.keys(recorded.counts) : []);
        const labels = kinds.map((k) => PACKAGE_KINDS[k as keyof typeof PACKAGE_KINDS]?.label ?? k).join('、');
        if (sequence === null) return text(recorded.file) ?? text(recorded.fileName) ?? text(recorded.uploaded) ?? `数据包（编号 ${id ?? '—'}）`;
        return `${pkg?.direction === 'out' ? '发出的' : ''}第 ${sequence} 号数据包${labels ? `：${labels}` : ''}`;
      }
      case 'institution': {
        const inst = this.institution && this.institution.code === id ? this.institution : null;
        const name = inst?.name ?? text(recorded.name);
        return name ? `${name}（${id ?? ''}）` : (id ?? '院校');
      }
      case 'settings':
        return '系统设置';
      default:
        // Backups by their file name, imports by the file imported.
        return id ?? text(recorded.file) ?? ENTITY_LABELS[row.entity_type] ?? row.entity_type;
    }
  }
}
