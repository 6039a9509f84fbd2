import { posix } from 'node:path';
import { excerpt } from '../../../src-shared/excerpt';
import { AppError } from '../../../src-shared/errors';
import type { ZipIndexEntry } from '../zip/safe-zip';
import { parseXmlPart, prefixedAttr, type XmlPartErrors } from './xml-part';

/**
 * Which parts of a workbook hold what, as its relationships say (OPC): the workbook from the
 * package's `_rels/.rels`, its sheets in tab order from `workbook.xml`, each sheet's kind and
 * part from the workbook's `.rels`. A chart sheet, dialog sheet or macro sheet may come first;
 * only a worksheet holds cells.
 */
export interface WorkbookParts {
  /** The first visible worksheet (the first worksheet if all are hidden). */
  sheet: { name: string; entry: ZipIndexEntry };
  sharedStrings: ZipIndexEntry | null;
}

interface Relationship {
  type: string;
  target: string;
}

/** More relationships than a ZIP of `maxEntries` parts can use are a forgery. */
const MAX_RELATIONSHIPS = 10_000;
/** Excel's own limit for a sheet's name. */
const MAX_SHEET_NAME = 31;

export async function findWorkbookParts(entries: Map<string, ZipIndexEntry>, label: string): Promise<WorkbookParts> {
  const byLowerName = new Map([...entries.keys()].map((name) => [name.toLowerCase(), name]));
  // Part names are case-insensitive in OPC; ZIP names are not.
  const part = (name: string) => entries.get(name) ?? entries.get(byLowerName.get(name.toLowerCase()) ?? '');
  const errors = partErrors(label);

  const packageRels = part('_rels/.rels') ? await readRelationships(part('_rels/.rels')!, '', errors) : new Map<string, Relationship>();
  const workbookPath = [...packageRels.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbook = part(workbookPath);
  if (!workbook) throw new AppError('BAD_FILE', `${label}不是 Excel 工作簿（缺少 xl/workbook.xml），文件可能已损坏。`, { file: label });
  const dir = posix.dirname(workbookPath);
  const relsPath = posix.join(dir, '_rels', `${posix.basename(workbookPath)}.rels`);
  const rels = part(relsPath) ? await readRelationships(part(relsPath)!, dir, errors) : null;

  type Sheet = { name: string; target: string };
  const found: { visible?: Sheet; hidden?: Sheet } = {};
  let index = 0;
  await parseXmlPart(
    workbook.chunks(),
    {
      open(name, attributes) {
        if (name !== 'sheet' || found.visible) return;
        const rel = rels?.get(prefixedAttr(attributes, 'id') ?? '');
        // Without relationships (a damaged or hand-made file) the first sheet is looked for where Excel puts it.
        const target = rels ? (rel && /\/worksheet$/.test(rel.type) ? rel.target : null) : index === 0 ? posix.join(dir, 'worksheets/sheet1.xml') : null;
        index++;
        if (!target) return;
        const sheet = { name: excerpt(attributes.name ?? 'Sheet1', MAX_SHEET_NAME), target };
        if (attributes.state === 'hidden' || attributes.state === 'veryHidden') found.hidden ??= sheet;
        else found.visible = sheet;
      },
      close() {},
      text() {},
      cut() {},
    },
    errors,
  );
  const chosen = found.visible ?? found.hidden;
  if (!chosen) throw new AppError('BAD_FILE', `${label}里没有工作表（可能只有图表），没有可导入的数据。`, { file: label });
  const entry = part(chosen.target);
  if (!entry) throw new AppError('BAD_FILE', `${label}缺少工作表“${excerpt(chosen.name)}”的数据，文件可能已损坏。`, { file: label });
  const sstRel = rels && [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'));
  return { sheet: { name: chosen.name, entry }, sharedStrings: part(sstRel ? sstRel.target : posix.join(dir, 'sharedStrings.xml')) ?? null };
}

async function readRelationships(entry: ZipIndexEntry, dir: string, errors: XmlPartErrors): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  await parseXmlPart(
    entry.chunks(),
    {
      open(name, a) {
        if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
        if (rels.size >= MAX_RELATIONSHIPS) throw errors.damaged();
        rels.set(a.Id, { type: a.Type ?? '', target: resolveTarget(dir, a.Target) });
      },
      close() {},
      text() {},
      cut() {},
    },
    errors,
  );
  return rels;
}

/** A relationship's target as a ZIP entry name: absolute from the package root, else relative to the source part's folder. */
function resolveTarget(dir: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : posix.join(dir, target);
  return posix.normalize(path).replace(/^(\.\/)+/, '');
}

export function partErrors(label: string): XmlPartErrors {
  return {
    damaged: () => new AppError('BAD_FILE', `${label}的工作表数据已损坏，无法读取。`, { file: label }),
    tooLong: () => new AppError('BAD_FILE', `${label}含有异常的超长 XML 标记，文件可能已损坏或被改动过。`, { file: label }),
  };
}
