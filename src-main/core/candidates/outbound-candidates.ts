import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { CANDIDATE_KIND_LABELS, CANDIDATE_KINDS, REALNAME_LABELS } from '../../../src-shared/domain/candidate';
import { CANDIDATE_COLUMNS } from '../../../src-shared/domain/candidate-columns';
import type { CandidatePayload } from '../../../src-shared/domain/candidate-payload';
import { AppError } from '../../../src-shared/errors';
import { writeRowsWorkbook } from '../../pipelines/xlsx/rows-workbook';
import type { Store } from '../../store/store';
import type { OutboundContext, OutboundModules, OutboundPart } from '../packages/kind-module';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../files/private-fs';
import { allCandidates } from './candidates-service';

/**
 * 考生信息 for the platform: the JSON payload, the platform's own import templates (one xlsx per
 * kind) and the photos as 身份证号.jpg in a ZIP — only candidates ready to enroll unless the
 * person chose to send everyone.
 */
async function buildCandidates(store: Store, ctx: OutboundContext): Promise<OutboundPart<'candidates'>> {
  const all = CANDIDATE_KINDS.flatMap((kind) => allCandidates(store, { kind, ...(ctx.options.includeIncomplete ? {} : { complete: true }) }));
  if (!all.length)
    throw new AppError(
      'STATE',
      ctx.options.includeIncomplete ? '还没有考生，无法生成考生数据包。' : '没有信息完整的考生（需有照片并通过实名认证）。如仍要发送，请勾选“包括信息不完整的考生”。',
    );
  mkdirSync(ctx.workDir, { recursive: true, mode: PRIVATE_DIR_MODE });

  const photoZip = join(ctx.workDir, '考生照片.zip');
  const zip = new yazl.ZipFile();
  const photos = store.prepare('SELECT data, format FROM candidate_photos WHERE candidate_id = ?');
  const payload: CandidatePayload[] = [];
  all.forEach((c, i) => {
    let photo: string | null = null;
    const row = c.hasPhoto ? (photos.get(c.id) as { data: Buffer; format: string } | undefined) : undefined;
    if (row) {
      photo = `${c.idNumber}.${row.format === 'png' ? 'png' : 'jpg'}`;
      zip.addBuffer(Buffer.from(row.data), photo, { compress: false, mtime: new Date('2020-01-01T00:00:00Z') });
    }
    payload.push({
      kind: c.kind,
      name: c.name,
      namePinyin: c.namePinyin,
      idNumber: c.idNumber,
      phone: c.phone,
      major: c.major,
      majorLevel: c.majorLevel,
      entryYear: c.entryYear,
      education: c.education,
      employer: c.employer,
      photo,
    });
    if (i % 500 === 0) ctx.progress('打包照片', i, all.length);
  });
  zip.end();
  await new Promise<void>((resolve, reject) =>
    zip.outputStream
      .pipe(createWriteStream(photoZip, { mode: PRIVATE_FILE_MODE }))
      .on('close', resolve)
      .on('error', reject),
  );

  const files: NonNullable<OutboundPart<'candidates'>['files']> = [{ path: 'candidates/考生照片.zip', file: photoZip }];
  for (const kind of CANDIDATE_KINDS) {
    const rows = all.filter((c) => c.kind === kind);
    if (!rows.length) continue;
    const columns = CANDIDATE_COLUMNS[kind];
    const path = join(ctx.workDir, `${CANDIDATE_KIND_LABELS[kind]}.xlsx`);
    await writeRowsWorkbook(path, [
      {
        name: `${CANDIDATE_KIND_LABELS[kind]}信息`,
        columns: columns.map((col) => ({ header: col.header, text: col.text ?? false })),
        rows: rows.map((r) => columns.map((col) => r[col.field])),
      },
    ]);
    files.push({ path: `candidates/${CANDIDATE_KIND_LABELS[kind]}.xlsx`, file: path });
  }
  return {
    payload: { candidates: payload },
    count: all.length,
    files,
    sheet: {
      title: '考生信息',
      columns: ['类别', '姓名', '身份证号', '照片', '实名认证'],
      rows: all.map((c) => [CANDIDATE_KIND_LABELS[c.kind], c.name, c.idNumber, c.hasPhoto ? '有' : '无', REALNAME_LABELS[c.realnameStatus]]),
    },
  };
}

export const candidateOutbound: OutboundModules<'candidates'> = { candidates: { build: buildCandidates } };
