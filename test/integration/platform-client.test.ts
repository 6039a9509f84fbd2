import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashFile } from '../../src-main/pipelines/hash-file';
import { readPackage } from '../../src-main/pipelines/packages/read-package';
import { writePackage } from '../../src-main/pipelines/packages/write-package';
import { PlatformClient } from '../../src-main/pipelines/platform/platform-client';
import type { JobInfo } from '../../src-shared/api/jobs';
import type { ImportResult, PackagePreview } from '../../src-shared/api/packages';
import type { PlanDetail, PlanListRow } from '../../src-shared/api/catalog';
import type { ExamPlan } from '../../src-shared/domain/catalog';
import { startPlatformServer, type PlatformServer, type PlatformServerOptions } from '../tools/platform/server';
import { SYSTEM_ACTOR } from '../../src-shared/actor';
import { call, SETUP_INPUT, setUpApp, callJob } from '../helpers/app';
import { tempDir } from '../helpers/temp-dir';

const CODE = SETUP_INPUT.institution.code;

const servers: PlatformServer[] = [];

async function serve(options: PlatformServerOptions = {}): Promise<PlatformServer> {
  const server = await startPlatformServer({ keysDir: tempDir(), ...options });
  servers.push(server);
  return server;
}

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

function clientOf(server: PlatformServer, institutionCode = CODE, chunkBytes?: number): PlatformClient {
  return new PlatformClient({ baseUrl: server.url, institutionCode, caPem: server.caPem, backoffMs: 10, retries: 3, ...(chunkBytes ? { chunkBytes } : {}) });
}

const inboundTrust = (server: PlatformServer) => ({ institutionCode: CODE, trustedKeys: [server.publicKeyPem], allowUnsigned: false, direction: 'in' as const });

/** An outbound institution package with some bulk, so "half-way" is many TCP segments in. */
async function institutionPackage(dir: string) {
  return writePackage(join(dir, 'institution.zip'), {
    kinds: {
      institution: {
        code: CODE,
        name: '烟台职业学院',
        province: '山东省',
        city: '烟台市',
        district: '莱山区',
        address: '山东省烟台市莱山区滨海中路2018号',
        contactName: '王老师',
        contactPhone: '0535-0000000',
        contactEmail: null,
      },
    },
    extraFiles: [{ path: 'summary.xlsx', data: Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251)) }],
    sender: { type: 'institution', id: CODE, name: '烟台职业学院' },
    institutionCode: CODE,
    sequence: 1,
    createdAt: new Date(),
  });
}

describe('platform server with the app’s client, over HTTPS', () => {
  it('issues the catalog on the first inbox ask; it downloads and verifies', async () => {
    const server = await serve();
    const client = clientOf(server);
    const inbox = await client.listInbox();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ sequence: 1, kinds: ['catalog', 'declaration-plans', 'exam-subjects', 'exam-plans'] });
    // Asking again issues nothing new.
    expect(await client.listInbox()).toEqual(inbox);

    const dest = join(tempDir(), 'in.zip');
    await client.downloadPackage(inbox[0]!, dest);
    const pkg = await readPackage(dest, 'in.zip', inboundTrust(server));
    expect(pkg.signature.status).toBe('verified');
    expect(pkg.fileHash).toBe(inbox[0]!.sha256);
    expect((pkg.payloads['exam-plans'] as { plans: ExamPlan[] }).plans.map((p) => p.code)).toContain('K202005229994');
    // Another institution sees only its own.
    expect((await clientOf(server, '4111010001').listInbox()).map((i) => i.id)).not.toContain(inbox[0]!.id);
    // What a test hands the platform to send appears next, with the next sequence.
    const pushed = await server.issue(CODE, { 'exam-subjects': { subjects: [] } });
    expect(await client.listInbox()).toEqual([inbox[0], pushed]);
    expect(pushed).toMatchObject({ sequence: 2, kinds: ['exam-subjects'] });
  });

  it('resumes an upload cut half-way from the platform’s offset, without taking the first half twice', async () => {
    const dir = tempDir();
    const sent = await institutionPackage(dir);
    const half = Math.floor(sent.size / 2);
    const server = await serve({ faults: { cutUploadAfterBytes: half } });
    const result = await clientOf(server).uploadPackage(sent.path);
    expect(result).toEqual({ sha256: sent.fileHash, alreadyThere: false });

    const [upload] = server.received().uploads;
    expect(upload).toMatchObject({ state: 'complete', total: sent.size, stored: sent.size, kinds: ['institution'] });
    expect(upload!.puts).toEqual([
      { start: 0, bytes: half, cut: true },
      { start: half, bytes: sent.size - half, cut: false },
    ]);
    // The client's blind retry of the whole chunk was turned away (409) before any byte was kept.
    const puts = server.received().requests.filter((r) => r.route === 'upload-put');
    expect(puts.map((r) => [r.status, r.bytes, r.cut])).toEqual([
      [0, half, true],
      [409, 0, false],
      [200, sent.size - half, false],
    ]);
    expect(puts.reduce((n, r) => n + r.bytes, 0)).toBe(sent.size);
  });

  it('resumes a download cut half-way with a Range request', async () => {
    const server = await serve({ faults: { cutDownloadAfterBytes: 1500 } });
    const client = clientOf(server);
    const [item] = await client.listInbox();
    const dest = join(tempDir(), 'in.zip');
    await client.downloadPackage(item!, dest);
    expect(await hashFile(dest)).toBe(item!.sha256);
    expect(statSync(dest).size).toBe(item!.size);

    const downloads = server.received().requests.filter((r) => r.route === 'download');
    expect(downloads.map(({ rangeStart, bytes, cut, status }) => ({ rangeStart, bytes, cut, status }))).toEqual([
      { rangeStart: null, bytes: 1500, cut: true, status: 200 },
      { rangeStart: 1500, bytes: item!.size - 1500, cut: false, status: 206 },
    ]);
    await readPackage(dest, 'in.zip', inboundTrust(server));
  });

  it('retries a 503', async () => {
    const server = await serve({ faults: { unavailableOnce: ['inbox', 'upload-head'] } });
    const client = clientOf(server);
    expect(await client.listInbox()).toHaveLength(1);
    await client.uploadPackage((await institutionPackage(tempDir())).path);
    const statuses = (route: string) =>
      server
        .received()
        .requests.filter((r) => r.route === route)
        .map((r) => r.status);
    expect(statuses('inbox')).toEqual([503, 200]);
    expect(statuses('upload-head')).toEqual([503, 200]);
  });

  it('takes the same package twice harmlessly, and answers an institution package in the inbox', async () => {
    const server = await serve();
    const client = clientOf(server);
    const sent = await institutionPackage(tempDir());
    expect((await client.uploadPackage(sent.path)).alreadyThere).toBe(false);
    expect((await client.uploadPackage(sent.path)).alreadyThere).toBe(true);
    expect(server.received().uploads).toHaveLength(1);

    // The reply is there before the institution first asks: no second catalog is issued for it.
    const inbox = await client.listInbox();
    expect(inbox.map((i) => i.sequence)).toEqual([1]);
    expect(server.received().uploads[0]!.replyId).toBe(inbox[0]!.id);
    const dest = join(tempDir(), 'reply.zip');
    await client.downloadPackage(inbox[0]!, dest);
    const reply = await readPackage(dest, 'reply.zip', inboundTrust(server));
    expect(reply.manifest.kinds).toContain('exam-plans');
  });

  it('refuses an upload that is not a package, saying why', async () => {
    const server = await serve();
    const junk = join(tempDir(), 'junk.zip');
    writeFileSync(junk, 'not a package at all');
    await expect(clientOf(server).uploadPackage(junk)).rejects.toThrow(/平台拒绝了上传（HTTP 422）：平台拒绝了这个数据包：.*不是有效的 ZIP 文件/);
    expect(server.received().uploads[0]).toMatchObject({ state: 'refused' });
    expect(server.inbox(CODE)).toEqual([]);
  });
});

describe('the app takes the simulator’s packages', () => {
  it('imports the catalog through packages.inspect and packages.import, with no reference errors', async () => {
    const server = await serve();
    const { app, principal } = await setUpApp();
    await call(app, 'settings.update', { platformPublicKeys: [server.publicKeyPem] }, principal);
    const client = clientOf(server);
    const [item] = await client.listInbox();
    const path = join(tempDir(), 'catalog.zip');
    await client.downloadPackage(item!, path);

    const { fileId } = app.files.register(path, 'catalog.zip', SYSTEM_ACTOR);
    const preview = await callJob<PackagePreview>(app, 'packages.inspect', { fileId }, principal);
    expect(preview.signature.status).toBe('verified');
    expect(preview.alreadyApplied).toBeNull();
    expect(preview.counts['exam-plans']!.new).toBe(9);
    const result = await callJob<ImportResult>(app, 'packages.import', { fileId, fileHash: preview.fileHash }, principal);
    expect(result.applied).toBe(true);

    const plan = await call<PlanDetail>(app, 'plans.get', { code: 'K202005229994' }, principal);
    expect(plan.name).toBe('物流管理2019年12月第2次考核');
    const phases = (await call<PlanListRow[]>(app, 'plans.list', {}, principal)).map((p) => p.phase);
    for (const phase of ['报名中', '准考证打印', '考试中', '成绩登记', '已结束']) expect(phases).toContain(phase);

    const again = await callJob<ImportResult>(app, 'packages.import', { fileId, fileHash: preview.fileHash }, principal);
    expect(again.applied).toBe(false);
  });

  it('runs the app’s own online exchange against it: push the institution package, pull and apply the reply', async () => {
    const server = await serve();
    const { app, principal } = await setUpApp();
    await call(app, 'settings.update', { platformPublicKeys: [server.publicKeyPem], onlineExchange: true, platformUrl: server.url, platformCaPem: server.caPem }, principal);
    const exported = await app.jobs.wait((await call<JobInfo>(app, 'packages.export', { kinds: ['institution'], folder: tempDir() }, principal)).id);
    expect(exported.state, exported.error?.message).toBe('done');

    const done = await app.jobs.wait((await call<JobInfo>(app, 'packages.exchange', {}, principal)).id);
    expect(done.state, done.error?.message).toBe('done');
    const result = done.result as { pushed: unknown[]; pulled: { applied: boolean }[] };
    expect(result.pushed).toHaveLength(1);
    expect(server.received().uploads).toMatchObject([{ state: 'complete', kinds: ['institution'] }]);
    expect(result.pulled).toHaveLength(1);
    expect(result.pulled[0]!.applied).toBe(true);
    expect((await call<PlanListRow[]>(app, 'plans.list', {}, principal)).map((p) => p.code)).toContain('K202005229994');
  });
});
