import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackage, type PackageTrust } from '../../src-main/pipelines/packages/read-package';
import { writePackage } from '../../src-main/pipelines/packages/write-package';
import { PlatformClient } from '../../src-main/pipelines/platform/platform-client';
import type { DeclarationPlan, ExamPlan, ExamSubject } from '../../src-shared/domain/catalog';
import { planPhase } from '../../src-shared/domain/plan-phase';
import { catalogKinds } from '../tools/platform/catalog-kinds';
import { issueDayOf } from '../tools/platform/dates';
import { DEFAULT_SCENARIO_PATH, loadScenario } from '../tools/platform/load-scenario';
import { provinceOf } from '../tools/platform/province';
import { ROOT, simulator } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

const CODE = '4137014320';

function trust(keys: string, over: Partial<PackageTrust> = {}): PackageTrust {
  return { institutionCode: CODE, trustedKeys: [readFileSync(join(keys, 'platform-public.pem'), 'utf8')], allowUnsigned: false, direction: 'in', ...over };
}

function institutionPackage(dir: string, province = '广东省', code = '4144010123') {
  return writePackage(join(dir, 'institution.zip'), {
    kinds: {
      institution: {
        code,
        name: '广州番禺职业技术学院',
        province,
        city: '广州市',
        district: '番禺区',
        address: null,
        contactName: '李老师',
        contactPhone: '13800000000',
        contactEmail: null,
      },
    },
    sender: { type: 'institution', id: code, name: '广州番禺职业技术学院' },
    institutionCode: code,
    sequence: 1,
    createdAt: new Date(),
  });
}

describe('platform simulator: catalog', () => {
  it('issues a signed catalog the app can verify, holding the manual’s plan K202005229994 exactly', async () => {
    const keys = tempDir();
    const out = join(keys, 'catalog.zip');
    const r = simulator(['catalog', '--institution', CODE, '--out', out, '--keys', keys]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain('序号 1');

    const pkg = await readPackage(out, 'catalog.zip', trust(keys));
    expect(pkg.signature.status).toBe('verified');
    expect(pkg.manifest).toMatchObject({ institutionCode: CODE, sequence: 1, sender: { type: 'platform', id: 'platform-sim' } });
    expect(pkg.manifest.kinds).toEqual(['catalog', 'declaration-plans', 'exam-subjects', 'exam-plans']);

    const plans = (pkg.payloads['exam-plans'] as { plans: ExamPlan[] }).plans;
    const plan = plans.find((p) => p.code === 'K202005229994')!;
    expect(plan).toMatchObject({ name: '物流管理2019年12月第2次考核', status: '已出卷' });
    expect(plan.windows).toEqual({
      registration: { start: '2019-12-08', end: '2019-12-21' },
      ticketPrint: { start: '2019-12-15', end: '2019-12-21' },
      exam: { start: '2019-12-21', end: '2019-12-22' },
      scoreEntry: { start: '2020-01-21', end: '2020-01-22' },
      publicity: { start: '2020-02-21', end: '2020-02-22' },
    });
    const orgs = (pkg.payloads.catalog as { organisations: { code: string; name: string }[] }).organisations;
    expect(orgs.find((o) => o.code === plan.orgCode)?.name).toBe('北京中物联物流采购培训中心');

    const primary = plan.certificates.find((c) => c.level === '初级')!;
    expect(primary.passRule).toEqual({ compositePassScore: 60, allSubjectsPass: false });
    const days = (start: string, end: string) => ['2019-12-21', '2019-12-22'].map((date) => ({ date, start, end }));
    expect(primary.subjects).toEqual([
      { subjectCode: '098694', passScore: 60, weight: 40, sessions: days('08:30', '10:00'), durationMinutes: 180 },
      { subjectCode: '794690', passScore: 60, weight: 30, sessions: days('10:30', '11:30'), durationMinutes: 120 },
      { subjectCode: '609371', passScore: 60, weight: 30, sessions: days('14:00', '23:55'), durationMinutes: 1190 },
    ]);
    expect(plan.certificates.find((c) => c.level === '中级')!.subjects.map((s) => [s.subjectCode, s.weight])).toEqual([
      ['043194', 40],
      ['338994', 30],
      ['577875', 30],
    ]);

    // The manual's subject table has OCR slips (609371 under 中级, 794890, 096994); the plan detail wins.
    const subjects = (pkg.payloads['exam-subjects'] as { subjects: ExamSubject[] }).subjects;
    expect(subjects.find((s) => s.code === '609371')).toMatchObject({ name: '实操考核', method: '实操', level: '初级' });
    expect(subjects.map((s) => s.code)).not.toContain('794890');
    expect(new Set(subjects.map((s) => s.code)).size).toBe(subjects.length);

    const declarations = (pkg.payloads['declaration-plans'] as { plans: DeclarationPlan[] }).plans;
    expect(declarations).toContainEqual({
      code: 'SB11202001',
      province: '北京市',
      batch: '2020年第一次',
      windowStart: '2020-04-01',
      windowEnd: '2020-04-04',
      byMajor: true,
      cityApproval: true,
      status: '已结束',
    });
    // 4137014320: 41, then province 37.
    expect(declarations.find((d) => d.province === '山东省')).toMatchObject({ status: '申报中', batch: `${issueDayOf(new Date()).slice(0, 4)}年第一次` });
  });

  it('gives successive packages to one institution increasing sequences, and honours --sequence', async () => {
    const keys = tempDir();
    const seq = async (args: string[], name: string) => {
      const r = simulator(['catalog', '--institution', CODE, '--out', join(keys, name), '--keys', keys, ...args]);
      expect(r.code, r.stderr).toBe(0);
      return (await readPackage(join(keys, name), name, trust(keys))).manifest.sequence;
    };
    expect(await seq([], 'a.zip')).toBe(1);
    expect(await seq([], 'b.zip')).toBe(2);
    expect(await seq(['--sequence', '10'], 'c.zip')).toBe(10);
    expect(await seq([], 'd.zip')).toBe(11);
    // Another institution has its own count.
    const other = simulator(['catalog', '--institution', '4111010001', '--out', join(keys, 'e.zip'), '--keys', keys]);
    expect(other.stdout).toContain('序号 1');
  });

  it('with --unsigned writes no manifest.sig, which the app takes only when allowed', async () => {
    const keys = tempDir();
    const out = join(keys, 'u.zip');
    expect(simulator(['catalog', '--institution', CODE, '--out', out, '--keys', keys, '--unsigned']).code).toBe(0);
    expect(readFileSync(out).includes(Buffer.from('manifest.sig'))).toBe(false);
    expect((await readPackage(out, 'u.zip', trust(keys, { allowUnsigned: true }))).signature).toEqual({ status: 'unsigned' });
    await expect(readPackage(out, 'u.zip', trust(keys))).rejects.toThrow('数据包没有签名');
  });
});

describe('platform simulator: answer', () => {
  it('answers an institution package with that institution’s catalog, for its province', async () => {
    const keys = tempDir();
    const sent = await institutionPackage(keys);
    expect(simulator(['catalog', '--institution', '4144010123', '--out', join(keys, 'first.zip'), '--keys', keys]).code).toBe(0);
    const out = join(keys, 'reply.zip');
    const r = simulator(['answer', sent.path, '--out', out, '--keys', keys]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('收到院校 4144010123 的数据包');

    const reply = await readPackage(out, 'reply.zip', trust(keys, { institutionCode: '4144010123' }));
    expect(reply.signature.status).toBe('verified');
    expect(reply.manifest.sequence).toBe(2);
    expect(reply.manifest.kinds).toEqual(['catalog', 'declaration-plans', 'exam-subjects', 'exam-plans']);
    const provinces = (reply.payloads['declaration-plans'] as { plans: DeclarationPlan[] }).plans.map((d) => d.province);
    expect(provinces).toEqual(['北京市', '广东省']);
  });

  it('refuses what is not an institution package, in Chinese, with exit 1', async () => {
    const dir = tempDir();
    const junk = join(dir, 'junk.zip');
    writeFileSync(junk, 'this is not a zip');
    const notZip = simulator(['answer', junk, '--out', join(dir, 'r.zip'), '--keys', dir]);
    expect(notZip.code).toBe(1);
    expect(notZip.stderr).toContain('不是有效的 ZIP 文件');

    const inbound = join(dir, 'inbound.zip');
    expect(simulator(['catalog', '--institution', CODE, '--out', inbound, '--keys', dir]).code).toBe(0);
    const wrongWay = simulator(['answer', inbound, '--out', join(dir, 'r.zip'), '--keys', dir]);
    expect(wrongWay.code).toBe(1);
    expect(wrongWay.stderr).toContain('是平台发给院校的数据包，不是院校发出的数据包');

    const mislabelled = await writePackage(join(dir, 'mislabelled.zip'), {
      kinds: { catalog: { organisations: [], certificates: [], majors: [] } },
      sender: { type: 'institution', id: CODE, name: '烟台职业学院' },
      institutionCode: CODE,
      sequence: 1,
      createdAt: new Date(),
    });
    const inboundKind = simulator(['answer', mislabelled.path, '--out', join(dir, 'r.zip'), '--keys', dir]);
    expect(inboundKind.code).toBe(1);
    expect(inboundKind.stderr).toContain('“证书目录”不是院校可以发出的数据');
  });
});

describe('platform simulator: command line', () => {
  it('exits 2 on usage errors, saying how to call it', () => {
    const dir = tempDir();
    const cases = [
      [],
      ['nonsense'],
      ['catalog', '--out', join(dir, 'x.zip')],
      ['catalog', '--institution', CODE],
      ['catalog', '--institution', CODE, '--out', join(dir, 'x.zip'), '--bogus'],
      ['catalog', '--institution', CODE, '--out', join(dir, 'x.zip'), '--sequence', 'abc'],
      ['catalog', '--institution', '12ab', '--out', join(dir, 'x.zip')],
      ['answer', '--out', join(dir, 'x.zip')],
      ['serve', '--port', '70000'],
    ];
    for (const args of cases) {
      const r = simulator(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/用法|平台模拟器/);
    }
  });

  it('refuses a broken scenario with exit 1, naming what is wrong', () => {
    const dir = tempDir();
    const scenario = JSON.parse(readFileSync(DEFAULT_SCENARIO_PATH, 'utf8')) as { assessments: { subjects: { weight: number }[] }[] };
    scenario.assessments[0]!.subjects[0]!.weight = 50;
    const file = join(dir, 'bad-weights.json');
    writeFileSync(file, JSON.stringify(scenario));
    const r = simulator(['catalog', '--institution', CODE, '--out', join(dir, 'x.zip'), '--keys', dir, '--scenario', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('场景文件 bad-weights.json 有误');
    expect(r.stderr).toContain('科目权重合计为 110%');
  });
});

describe('platform simulator: serve', () => {
  it('prints one stdout line with its URL, serves the protocol with a certificate kept in the keys folder, and stops on SIGTERM', async () => {
    const keys = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/tools/platform/cli.ts'), 'serve', '--port', '0', '--keys', keys], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString('utf8');
        const m = /https:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout);
        if (m && m[1] !== '0') resolve(m[0]);
      });
      void exited.then(() => reject(new Error(`serve exited: ${stderr}`)));
    });
    try {
      const client = new PlatformClient({ baseUrl: url, institutionCode: CODE, caPem: readFileSync(join(keys, 'platform-tls-cert.pem'), 'utf8'), retries: 0 });
      const [item] = await client.listInbox();
      const dest = join(keys, 'in.zip');
      await client.downloadPackage(item!, dest);
      expect((await readPackage(dest, 'in.zip', trust(keys))).manifest.sequence).toBe(1);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([url]);
    expect(stderr).toContain('院校 4137014320 首次查询，已发出目录数据包');
  });
});

describe('platform simulator: default scenario', () => {
  it('keeps every phase alive: plans relative to the issue day, in Beijing time', () => {
    const scenario = loadScenario();
    // 17:00 UTC is already the next morning in Beijing.
    const now = new Date('2026-03-01T17:00:00Z');
    const day = issueDayOf(now);
    expect(day).toBe('2026-03-02');
    const kinds = catalogKinds(scenario, { province: provinceOf(CODE), issueDay: day });
    const phases = new Set(kinds['exam-plans'].plans.map((p) => planPhase(p.windows, day)));
    for (const phase of ['报名中', '准考证打印', '考试中', '成绩登记', '未开始', '已结束']) expect(phases).toContain(phase);
    const python = kinds['exam-plans'].plans.find((p) => p.code === 'K202631000001')!;
    expect(python.windows.registration).toEqual({ start: '2026-02-25', end: '2026-03-11' });
    expect(python.name).toBe('Python程序开发2026年3月考核');
    expect(kinds['declaration-plans'].plans.find((d) => d.province === '山东省')).toMatchObject({ code: 'SB37202601', windowStart: '2026-02-20', status: '申报中' });
  });

  it('holds the certificates, levels and majors the demo needs', () => {
    const scenario = loadScenario();
    expect(scenario.certificates.map((c) => [c.name, c.levels])).toEqual([
      ['物流管理职业技能等级证书', ['初级', '中级', '高级']],
      ['汽车运用与维修职业技能等级证书', ['初级', '中级']],
      ['Python程序开发职业技能等级证书', ['初级', '中级', '高级']],
    ]);
    const majors = scenario.majors.map((m) => m.name);
    for (const name of ['物流管理', '计算机应用技术', '软件技术', '大数据技术', '汽车检测与维修技术', '电子商务']) expect(majors).toContain(name);
    expect(new Set(scenario.majors.map((m) => m.level))).toEqual(new Set(['中职', '高职专科', '职业本科']));
  });
});
