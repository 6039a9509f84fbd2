import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readPackage } from '../../../src-main/pipelines/packages/read-package';
import { scoreKinds, scoresPayload, type ScoresPayload } from '../../../src-shared/domain/score-kinds';
import { AppError } from '../../../src-shared/errors';
import { claimedSender } from './answer-package';
import type { Platform } from './platform';

/**
 * The scores the platform issued, for its 考证结果: a `scores` package it signed (the institution
 * is the one it was for), or the bare payload as JSON (then the institution must be named).
 */
export async function readScores(platform: Platform, path: string, institution: string | undefined): Promise<{ institutionCode: string; payload: ScoresPayload }> {
  const file = basename(path);
  if (!path.toLowerCase().endsWith('.zip')) {
    if (!institution) throw new AppError('BAD_FILE', `${file} 是成绩 JSON 文件，请用 --institution 指明院校代码。`, { file });
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new AppError('BAD_FILE', `${file} 不是合法的 JSON（${e instanceof Error ? e.message.slice(0, 200) : String(e)}）`, { file });
    }
    const parsed = scoresPayload.safeParse(raw);
    if (!parsed.success)
      throw new AppError('BAD_FILE', `${file} 不是科目成绩（scores）的内容：${parsed.error.issues[0]!.path.join('.')}：${parsed.error.issues[0]!.message}`, { file });
    return { institutionCode: institution, payload: parsed.data };
  }
  const { institutionCode } = await claimedSender(path, file);
  if (institution && institution !== institutionCode)
    throw new AppError('BAD_FILE', `${file} 是发给院校 ${institutionCode} 的数据包，不是 --institution 指明的 ${institution}。`, { file });
  const pkg = await readPackage(
    path,
    file,
    { institutionCode, trustedKeys: [platform.keys.publicPem], allowUnsigned: true, direction: 'in' },
    new Map([['scores', scoreKinds.scores]]),
  );
  // Read by its own schema: the scores kind is the scores workflow's to register.
  const payload = (pkg.payloads as Record<string, unknown>).scores as ScoresPayload | undefined;
  if (!payload) throw new AppError('BAD_FILE', `${file} 中没有科目成绩（scores），平台无法给出考证结果。`, { file });
  return { institutionCode, payload };
}
