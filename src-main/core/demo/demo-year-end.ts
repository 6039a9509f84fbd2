import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Contract, OpName } from '../../../src-shared/api';
import type { InputOf, OutputOf } from '../../../src-shared/api/contract';
import { SEAL_AUTHORISATION } from '../../../src-shared/domain/seal-authorisation';
import { AppError } from '../../../src-shared/errors';
import type { AppCore } from '../app-core';
import { actorOf } from '../call-context';
import { dispatch, invokeAs } from '../dispatch';
import { exportJob } from '../packages/export-job';
import { applyPackageFile } from '../packages/import-service';
import { coordinator } from './demo-attendance';
import { demoSeal, drawnSignature } from './seal-generator';

export interface DemoYearEnd {
  plan: string;
  /** 科目成绩 received, and how many of them were absent. */
  scores: number;
  absent: number;
  /** The score flagged 有异议 and what the organisation's second look made of it. */
  dispute: { candidate: string; subject: string; before: number | null; after: number | null } | null;
  /** 考证结果: the app's passes, and where the platform's verdict or composite differs. */
  passed: number;
  disagreements: number;
  /** 证书发放: confirmed in one sitting, and the certificates the organisation then issued. */
  confirmed: number;
  certificates: number;
  /** One certificate to look up (证书查验). */
  lookup: { number: string; idNumber: string } | null;
}

export const DEMO_DISPUTE_NOTE = '考生反映综合应用考核最后一题系统未保存，申请复核';

/**
 * The end of the examined plan's year (the manual's 2.2.10, 2.2.11 and 3): the rest of its
 * sittings' sign-in sheets entered (everyone present), 考勤 sent, and the organisation's answer
 * imported — 科目成绩, its 考证结果 and the 证书发放名单. One score is flagged 有异议 and corrected
 * by its next package. The principal uploads the 签名章 (accepting the 授权委托书) and confirms
 * every listed certificate in one sitting with the password and a drawn signature; the 签发决定
 * go out and the organisation's electronic certificates come back, ready for 证书查验.
 */
export async function addDemoYearEnd(
  app: AppCore,
  planCode: string,
  principal: { username: string; password: string },
  answer: (outbound: string) => Promise<string>,
  say: (m: string) => void,
): Promise<DemoYearEnd> {
  const staff = coordinator(app);
  const asStaff = <K extends OpName>(name: K, input: InputOf<Contract[K]>) => invokeAs(app, staff, name, input);
  // Signing asks the signer's password again, of a signed-in session: the principal signs in as on the page.
  const signedIn = await dispatch(app, 'auth.login', { username: principal.username, password: principal.password }, null);
  if (!signedIn.ok) throw AppError.from(signedIn.error);
  const token = (signedIn.data as { sessionToken: string }).sessionToken;
  const asPrincipal = async <K extends OpName>(name: K, input: InputOf<Contract[K]>): Promise<OutputOf<Contract[K]>> => {
    const r = await dispatch(app, name, input, token);
    if (!r.ok) throw AppError.from(r.error);
    return r.data as OutputOf<Contract[K]>;
  };
  const send = async (kind: 'attendance' | 'score-disputes' | 'issuance-decisions') => {
    const exported = await app.jobs.run(exportJob, { kinds: [kind] }, { title: '生成数据包', actor: staff, owner: null });
    await applyPackageFile(app, staff, await answer(exported.path));
  };

  say('补录其余考场的签到表，报送考勤，导入平台的成绩、考证结果和证书发放名单…');
  for (const room of (await asStaff('schedule.rooms', { planCode })).rows) {
    const roster = await asStaff('attendance.roster', { scheduleRoomId: room.scheduleRoomId });
    for (const row of roster.rows) if (row.status === 'pending') await asStaff('attendance.confirm', { scheduleRoomId: room.scheduleRoomId, seatId: row.seatId });
  }
  await send('attendance');

  const scored = await asStaff('scores.list', { planCode, limit: 500 });
  const flagged = scored.rows.find((r) => r.scoreId !== null && !r.absent && r.score !== null && r.score < 100);
  let dispute: DemoYearEnd['dispute'] = null;
  if (flagged) {
    say(`${flagged.name} 的“${flagged.subjectName}”成绩有异议，报送并取回复核后的成绩…`);
    await asStaff('scores.flag', { scoreId: flagged.scoreId!, note: DEMO_DISPUTE_NOTE });
    await send('score-disputes');
    const after = (await asStaff('scores.candidate', { planCode, candidateId: flagged.candidateId })).rows.find((r) => r.subjectCode === flagged.subjectCode);
    dispute = { candidate: flagged.name, subject: flagged.subjectName, before: flagged.score, after: after?.score ?? null };
  }
  const check = await asStaff('results.check', { planCode });

  say('负责人上传签名章，确认签发证书发放名单，报送签发决定并取回电子证书…');
  const dir = join(app.dataDir, 'tmp', 'demo-seal');
  mkdirSync(dir, { recursive: true });
  try {
    const sealPath = join(dir, '签名章.png');
    writeFileSync(sealPath, await demoSeal());
    await asPrincipal('seal.upload', {
      fileId: app.files.register(sealPath, '签名章.png', actorOf(app.sessions.get(token, app.idleLockMinutes)!)).fileId,
      authorisationVersion: SEAL_AUTHORISATION.version,
      accepted: true,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const waiting = (await asPrincipal('issuance.list', { planCode, status: 'waiting' })).rows.filter((r) => r.local?.passed);
  let confirmed = 0;
  if (waiting.length) {
    const signaturePng = (await drawnSignature()).toString('base64');
    confirmed = (await asPrincipal('issuance.decide', { recordIds: waiting.map((r) => r.recordId), decision: 'confirmed', password: principal.password, signaturePng })).decided;
    await send('issuance-decisions');
  }
  await asPrincipal('auth.logout', {});
  const issued = app.store.db.prepare('SELECT number, id_number AS idNumber FROM issued_certificates WHERE plan_code = ? ORDER BY number').all(planCode) as {
    number: string;
    idNumber: string;
  }[];
  return {
    plan: planCode,
    scores: scored.total,
    absent: scored.rows.filter((r) => r.absent).length,
    dispute,
    passed: (await asStaff('results.view', { planCode, filter: 'passed', page: 1, pageSize: 1 })).counts.passed,
    disagreements: check.disagreements.length,
    confirmed,
    certificates: issued.length,
    lookup: issued[0] ?? null,
  };
}
