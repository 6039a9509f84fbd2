import { writePackage, type WrittenPackage } from '../../../src-main/pipelines/packages/write-package';
import type { PackageKind } from '../../../src-shared/domain/package-kinds';
import { catalogKinds, type CatalogKinds } from './catalog-kinds';
import { issueDayOf } from './dates';
import { takeSequence } from './keys';
import { checkCatalogKinds } from './load-scenario';
import { provinceOf, type Province } from './province';
import type { Platform } from './platform';

export interface IssueOptions {
  institutionCode: string;
  out: string;
  now?: Date;
  /** Forces the sequence number (tests of the app's sequence rule); else the folder's next one. */
  sequence?: number;
  unsigned?: boolean;
}

/** Writes one inbound package from the platform to an institution, signed, with its next sequence. */
export async function issuePackage(platform: Platform, kinds: Partial<Record<PackageKind, unknown>>, opts: IssueOptions): Promise<WrittenPackage> {
  const { keys, scenario } = platform;
  return writePackage(opts.out, {
    kinds,
    sender: { type: 'platform', id: scenario.platform.id, name: scenario.platform.name },
    institutionCode: opts.institutionCode,
    sequence: takeSequence(keys, opts.institutionCode, opts.sequence),
    createdAt: opts.now ?? new Date(),
    ...(opts.unsigned ? {} : { signingKeyPem: keys.privatePem }),
  });
}

export interface IssuedCatalog {
  written: WrittenPackage;
  kinds: CatalogKinds;
  /** Null when the institution's province could not be known: its provincial plans are left out. */
  province: Province | null;
}

/** The catalog package: organisations, certificates, majors, declaration plans, subjects, exam plans. */
export async function issueCatalogPackage(platform: Platform, opts: IssueOptions & { provinceName?: string }): Promise<IssuedCatalog> {
  const province = provinceOf(opts.institutionCode, opts.provinceName);
  const kinds = checkCatalogKinds(catalogKinds(platform.scenario, { province, issueDay: issueDayOf(opts.now ?? new Date()) }), platform.scenarioFile);
  const written = await issuePackage(platform, { ...kinds }, opts);
  return { written, kinds, province };
}

export function describeWritten(w: WrittenPackage): string {
  return `${w.path}：院校 ${w.manifest.institutionCode}，序号 ${w.manifest.sequence}，数据 ${w.manifest.kinds.join(',')}，${w.size} 字节，SHA-256 ${w.fileHash}`;
}
