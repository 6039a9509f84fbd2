import { existingMap, refuseReference, type EntityRecord, type InboundModule } from '../../packages/kind-module';
import { organisationCodes } from '../catalog-lookups';
import { upsertCertificate, upsertMajor, upsertOrganisation } from '../catalog-store';

/** 证书目录: the evaluation organisations, their certificates and levels, and the majors. */
export const catalogKind: InboundModule<'catalog'> = {
  dependsOn: [],
  checkReferences(p, ctx) {
    const orgs = organisationCodes(ctx);
    p.certificates.forEach((c, i) => {
      if (!orgs.has(c.orgCode)) refuseReference('catalog', `certificates[${i}].orgCode`, `培训评价组织 ${c.orgCode} 不存在`);
    });
  },
  records: (p): EntityRecord[] => [
    ...p.organisations.map((o): EntityRecord => ({
      kind: 'catalog',
      entity: '培训评价组织',
      key: `org:${o.code}`,
      title: o.name,
      fields: { 名称: o.name },
      write: (s) => upsertOrganisation(s, o),
    })),
    ...p.certificates.map((c): EntityRecord => ({
      kind: 'catalog',
      entity: '证书',
      key: `cert:${c.code}`,
      title: c.name,
      fields: { 名称: c.name, 简称: c.shortName, 培训评价组织: c.orgCode, 等级: c.levels.join('、') },
      write: (s) => upsertCertificate(s, c),
    })),
    ...p.majors.map((m): EntityRecord => ({
      kind: 'catalog',
      entity: '专业',
      key: `major:${m.code}`,
      title: `${m.name}（${m.level}）`,
      fields: { 名称: m.name, 层次: m.level },
      write: (s) => upsertMajor(s, m),
    })),
  ],
  existing: (store) =>
    new Map([
      ...existingMap(
        store.all(store.q.selectFrom('organisations').selectAll()),
        (o) => `org:${o.code}`,
        (o) => ({ 名称: o.name }),
      ),
      ...existingMap(
        store.all(store.q.selectFrom('certificates').selectAll()),
        (c) => `cert:${c.code}`,
        (c) => ({ 名称: c.name, 简称: c.short_name, 培训评价组织: c.org_code, 等级: (JSON.parse(c.levels_json) as string[]).join('、') }),
      ),
      ...existingMap(
        store.all(store.q.selectFrom('majors').selectAll()),
        (m) => `major:${m.code}`,
        (m) => ({ 名称: m.name, 层次: m.level }),
      ),
    ]),
};
