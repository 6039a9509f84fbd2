import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { verifyTicketQr } from '../../src-main/core/tickets/check-code';
import { writeTicketZip } from '../../src-main/pipelines/pdf/exam-docs/ticket-zip';
import { writeExamDocument, type ExamDocRequest } from '../../src-main/pipelines/pdf/exam-docs/write-exam-docs';
import { walkZip } from '../../src-main/pipelines/zip/safe-zip';
import { admissionTickets, hostilePhotos, roomSheets, TEST_SECRET } from '../fixtures/exam-doc-fixtures';
import { decodeQr, pagePng, pdfFonts, pdfImageCount, pdfInfo, pdfText } from '../helpers/pdf';
import { tempDir } from '../helpers/temp-dir';

const AUTHOR = '烟台职业学院';
const A4_PORTRAIT = /^595\.2\d* x 841\.8\d* pts \(A4\)/;
const A4_LANDSCAPE = /^841\.8\d* x 595\.2\d* pts \(A4\)/;

async function write(request: ExamDocRequest, name: string) {
  const path = join(tempDir(), name);
  const result = await writeExamDocument(request, path, { author: AUTHOR });
  return { path, result };
}

/** The font is the npm package's, embedded as a subset: every PC prints the same, and the file stays small. */
function expectSubsetFont(path: string) {
  const fonts = pdfFonts(path);
  expect(fonts).toMatch(/\+NotoSansHans-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes/);
  expect(fonts).not.toMatch(/\bno\s+(yes|no)\s+(yes|no)\s+\d/);
}

describe('考场签到表', { timeout: 120_000 }, () => {
  it('prints the manual’s heading and rows per room, masked IDs, pages numbered within each room, the heading on every page', async () => {
    const { rooms, people } = await roomSheets(75, { perRoom: 40 });
    const { path, result } = await write({ kind: 'signin', rooms }, 'signin.pdf');
    expect(result).toMatchObject({ kind: 'signin', count: 2, pages: 4, withoutPhoto: 0 });
    expect(pdfInfo(path)).toMatchObject({ pages: 4, pageSize: expect.stringMatching(A4_PORTRAIT) });
    expectSubsetFont(path);
    // ~55 KB of text and font for 75 rows: only the glyphs used are embedded (the font file is 8 MB).
    expect(statSync(path).size).toBeLessThan(400_000);

    const { text, flat } = pdfText(path);
    for (const heading of [
      '考场签到表',
      '考场名称101室',
      '考核站点烟台职业学院物流管理考核站点',
      '所属院校烟台职业学院',
      '考试证书物流管理职业技能等级证书',
      '证书等级中级',
      '考试时间2026-06-2008:30-10:00',
      '监考老师王芳、刘洋',
      '巡考老师陈静',
      '应考人数40',
      '实考人数缺考人数',
    ])
      expect(flat).toContain(heading);
    for (const h of ['序号', '学生姓名', '身份证号码', '准考证号', '所属院校', '座位号', '签名']) expect(flat).toContain(h);
    const across = pdfText(path, { layout: true }).text;
    for (const [i, p] of people.entries()) {
      const room = i < 40 ? 0 : 1;
      const seat = room === 0 ? i + 1 : i - 39;
      const row = new RegExp(
        `\\b${seat}\\s+${p.name}\\s+${p.idNumber.slice(0, 6)}\\*{5}${p.idNumber.slice(14)}\\s+2060000225${370040 + room}${String(seat).padStart(4, '0')}\\s+烟台职业学院\\s+${seat}\\b`,
      );
      expect(across, p.name).toMatch(row);
      expect(text).not.toContain(p.idNumber);
    }
    expect(flat).toContain('应考人数35');
    // Each room's pages numbered on their own; the heading and column titles repeat on page 2.
    expect(text.match(/第 1 页 共 2 页/g)).toHaveLength(2);
    expect(text.match(/第 2 页 共 2 页/g)).toHaveLength(2);
    const page2 = pdfText(path, { first: 2, last: 2 }).flat;
    expect(page2).toContain('考场名称101室');
    expect(page2).toContain('序号学生姓名身份证号码准考证号所属院校座位号签名');
    expect(page2).toContain('监考老师（签字）');
    expect(pdfText(path, { first: 3, last: 3 }).flat).toContain('考场名称102室');
    pagePng(path, 'exam-docs-signin-page1');
  });

  it('puts a room of 30 on one A4 sheet, heading and invigilators’ signatures included', async () => {
    const { rooms } = await roomSheets(60, { perRoom: 30 });
    const { path, result } = await write({ kind: 'signin', rooms }, 'signin-30.pdf');
    expect(result.pages).toBe(2);
    const page1 = pdfText(path, { first: 1, last: 1 });
    expect(page1.text).toContain('第 1 页 共 1 页');
    expect(page1.flat).toContain('监考老师（签字）');
    expect(page1.flat).toContain('20600002253700400030');
  });

  it('puts the signatures on a page of their own when the rows fill the last, and prints an empty room’s heading', async () => {
    const { rooms } = await roomSheets(31, { perRoom: 31 });
    const empty = { ...rooms[0]!, roomName: '102室', seats: [] };
    const { path, result } = await write({ kind: 'signin', rooms: [rooms[0]!, empty] }, 'signin-31.pdf');
    expect(result).toMatchObject({ count: 2, pages: 3 });
    const [page1, page2, page3] = [1, 2, 3].map((page) => pdfText(path, { first: page, last: page }));
    expect(page1!.flat).toContain('20600002253700400031');
    expect(page1!.flat).not.toContain('监考老师（签字）');
    expect(page1!.text).toContain('第 1 页 共 2 页');
    expect(page2!.flat).toMatch(/^监考老师（签字）：_+巡考老师（签字）：_+101室/);
    expect(page2!.text).toContain('第 2 页 共 2 页');
    expect(page3!.flat).toContain('考场名称102室');
    expect(page3!.flat).toContain('应考人数0');
    expect(page3!.flat).toContain('序号学生姓名身份证号码准考证号所属院校座位号签名监考老师（签字）');
    expect(page3!.text).toContain('第 1 页 共 1 页');
  });

  it('fills in the totals and marks the absent and irregular on the sheet regenerated after check-in', async () => {
    const { rooms, people } = await roomSheets(30);
    const room = rooms[0]!;
    room.seats[2]!.attendance = 'absent';
    room.seats[7]!.attendance = 'absent';
    room.seats[9]!.attendance = 'irregular';
    room.seats[9]!.note = '携带手机进入考场';
    for (const s of room.seats) s.attendance ??= 'present';
    room.totals = { expected: 30, present: 28, absent: 2 };
    const { path, result } = await write({ kind: 'signin', rooms }, 'signin-after.pdf');
    expect(result.pages).toBe(2);
    const { flat } = pdfText(path);
    expect(flat).toContain('应考人数30实考人数28缺考人数2');
    const across = pdfText(path, { layout: true }).text;
    expect(across).toMatch(new RegExp(`${people[2]!.name}.*\\b3\\s+缺考`));
    expect(across).toMatch(new RegExp(`${people[7]!.name}.*\\b8\\s+缺考`));
    expect(across).toMatch(new RegExp(`${people[9]!.name}.*\\b10\\s+违纪`));
    expect(flat).toContain('携带手机进入考场');
    expect(flat.match(/缺考(?!人数)/g)).toHaveLength(2);
  });

  it('with photos: a photo column, each photo embedded once however often it appears, 无照片 where there is none', async () => {
    const { rooms } = await roomSheets(20, { perRoom: 10, photos: true });
    // The same candidates in an afternoon session: their photos are the same bytes.
    const afternoon = { ...rooms[0]!, session: { date: '2026-06-20', start: '13:30', end: '15:00' }, seats: rooms[0]!.seats.map((s) => ({ ...s })) };
    afternoon.seats[0]!.photo = null;
    afternoon.seats[1]!.photo = Buffer.from('not a photo');
    const { path, result } = await write({ kind: 'signin', rooms: [...rooms, afternoon], photos: true }, 'signin-photos.pdf');
    expect(result).toMatchObject({ count: 3, withoutPhoto: 2 });
    expect(pdfText(path).flat).toContain('照片');
    expect(pdfText(path).flat.match(/无照片/g)).toHaveLength(2);
    expect(pdfImageCount(path)).toBe(20);
    pagePng(path, 'exam-docs-signin-photos-page1');
  });

  it('prints a placeholder for every photo pdfkit cannot embed, and good PNGs with alpha or interlacing as photos', async () => {
    const hostile = await hostilePhotos();
    const names = Object.keys(hostile);
    const { rooms } = await roomSheets(names.length + 2, { perRoom: 40, photos: true });
    const seats = rooms[0]!.seats;
    names.forEach((name, i) => (seats[i]!.photo = hostile[name]!));
    seats[names.length]!.photo = await sharp({ create: { width: 60, height: 84, channels: 4, background: { r: 200, g: 20, b: 30, alpha: 0.5 } } })
      .png()
      .toBuffer();
    seats[names.length + 1]!.photo = await sharp({ create: { width: 60, height: 84, channels: 4, background: { r: 20, g: 20, b: 200, alpha: 1 } } })
      .png({ progressive: true })
      .toBuffer();
    const { path, result } = await write({ kind: 'signin', rooms, photos: true }, 'signin-hostile.pdf');
    expect(result.withoutPhoto).toBe(names.length);
    expect(pdfText(path).flat.match(/无照片/g)).toHaveLength(names.length);
    expect(pdfImageCount(path)).toBe(2);
    pagePng(path, 'exam-docs-signin-placeholders-page1');

    const { tickets } = await admissionTickets(names.length);
    names.forEach((name, i) => (tickets[i]!.photo = hostile[name]!));
    const printed = await write({ kind: 'tickets', tickets }, 'tickets-hostile.pdf');
    expect(printed.result).toMatchObject({ count: names.length, pages: names.length, withoutPhoto: names.length });
    // The QR codes only.
    expect(pdfImageCount(printed.path)).toBe(names.length);
  });

  it('refuses an unmasked ID number, naming the room and the candidate, and leaves no file', async () => {
    const { rooms, people } = await roomSheets(12, { perRoom: 6 });
    rooms[1]!.seats[3]!.maskedIdNumber = people[9]!.idNumber;
    const path = join(tempDir(), 'refused.pdf');
    await expect(writeExamDocument({ kind: 'signin', rooms }, path, { author: AUTHOR })).rejects.toThrow('第 2 个考场（102室）第 4 位考生：身份证号没有打码');
    rooms[1]!.seats[3]!.maskedIdNumber = '370285*****5910';
    rooms[1]!.seats[4]!.seatNumber = rooms[1]!.seats[0]!.seatNumber;
    await expect(writeExamDocument({ kind: 'desk', rooms }, path, { author: AUTHOR })).rejects.toThrow('座位号 1 重复');
    expect(readdirSync(join(path, '..'))).toEqual([]);
  });

  it('stops when cancelled between rooms, leaving no file', async () => {
    const { rooms } = await roomSheets(200, { photos: true, perRoom: 40 });
    const path = join(tempDir(), 'cancelled.pdf');
    let drawn = 0;
    const stop = () => {
      if (drawn > 0) throw new Error('cancelled');
    };
    await expect(
      writeExamDocument({ kind: 'signin', rooms, photos: true }, path, { author: AUTHOR, throwIfCancelled: stop, progress: (phase) => void (phase === '生成 PDF' && drawn++) }),
    ).rejects.toThrow('cancelled');
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.partial`)).toBe(false);
    expect(drawn).toBe(1);
  });
});

describe('桌贴 and 门贴', { timeout: 120_000 }, () => {
  it('桌贴: a label per seat, ten to a page, each room from a new page', async () => {
    const { rooms, people } = await roomSheets(75, { perRoom: 40 });
    const { path, result } = await write({ kind: 'desk', rooms }, 'desk.pdf');
    expect(result.pages).toBe(8);
    expect(pdfInfo(path)).toMatchObject({ pages: 8, pageSize: expect.stringMatching(A4_PORTRAIT) });
    expectSubsetFont(path);
    const { text, flat } = pdfText(path);
    for (const [i, p] of people.entries()) {
      const room = i < 40 ? 0 : 1;
      const seat = room === 0 ? i + 1 : i - 39;
      expect(flat).toContain(`${seat}号${p.name}准考证号：2060000225${370040 + room}${String(seat).padStart(4, '0')}`);
    }
    expect(flat).toContain('101室2026-06-2008:30-10:00');
    expect(text.match(/第 4 页 共 4 页/g)).toHaveLength(2);
    // Page 5 is the second room's first: its labels start at seat 1.
    expect(pdfText(path, { first: 5, last: 5 }).flat).toMatch(/^物流管理职业技能等级证书（中级）基础考核1号/);
    pagePng(path, 'exam-docs-desk-page1');
  });

  it('门贴: one landscape page a room, in large type, with the seat range and candidate count', async () => {
    const { rooms } = await roomSheets(75, { perRoom: 40 });
    rooms[1]!.seats = rooms[1]!.seats.map((s, i) => ({ ...s, seatNumber: 41 + i }));
    const { path, result } = await write({ kind: 'door', rooms }, 'door.pdf');
    expect(result.pages).toBe(2);
    expect(pdfInfo(path)).toMatchObject({ pages: 2, pageSize: expect.stringMatching(A4_LANDSCAPE) });
    const page1 = pdfText(path, { first: 1, last: 1 }).flat;
    for (const t of [
      '烟台职业学院物流管理考核站点',
      '101室',
      '物流管理职业技能等级证书（中级）基础考核',
      '考试时间：2026-06-2008:30-10:00',
      '座位号：1–40',
      '考生人数：40人',
      '山东省烟台市莱山区滨海中路2018号',
    ])
      expect(page1).toContain(t);
    const page2 = pdfText(path, { first: 2, last: 2 }).flat;
    expect(page2).toContain('102室');
    expect(page2).toContain('座位号：41–75');
    expect(page2).toContain('考生人数：35人');
    pagePng(path, 'exam-docs-door-page1');
  });

  it('门贴: the certificate and level once, whether or not the subject’s name already carries them', async () => {
    const certificate = '物流管理职业技能等级证书';
    const times = (text: string, part: string) => text.split(part).length - 1;
    for (const [subjectName, expected] of [
      // The platform often names a subject after its certificate and level.
      ['物流管理职业技能等级证书（中级）基础考核', ['物流管理职业技能等级证书（中级）基础考核']],
      ['基础考核', ['基础考核', '物流管理职业技能等级证书（中级）']],
      ['物流管理职业技能等级证书基础考核', ['物流管理职业技能等级证书基础考核', '证书等级：中级']],
    ] as const) {
      const { rooms } = await roomSheets(3, { perRoom: 3, subjectName });
      const { path } = await write({ kind: 'door', rooms }, 'door.pdf');
      const { flat } = pdfText(path);
      expect(times(flat, certificate), subjectName).toBe(1);
      expect(times(flat, '中级'), subjectName).toBe(1);
      expect(flat, subjectName).toContain(`101室${expected.join('')}考试时间`);
    }
  });
});

describe('准考证', { timeout: 120_000 }, () => {
  it('one page a candidate: photo, name, masked ID, ticket number, subjects with rooms, seats and addresses, 考生须知, a QR code that scans back', async () => {
    const { tickets, people } = await admissionTickets(3);
    const { path, result } = await write({ kind: 'tickets', tickets }, 'tickets.pdf');
    expect(result).toMatchObject({ kind: 'tickets', count: 3, pages: 3, withoutPhoto: 0, longTickets: [] });
    expect(pdfInfo(path)).toMatchObject({ pages: 3, pageSize: expect.stringMatching(A4_PORTRAIT) });
    expectSubsetFont(path);
    // Three photos and three QR codes.
    expect(pdfImageCount(path)).toBe(6);
    for (const [i, t] of tickets.entries()) {
      const { text, flat } = pdfText(path, { first: i + 1, last: i + 1 });
      for (const expected of [
        '准考证',
        `姓名${people[i]!.name}`,
        `身份证号${people[i]!.idNumber.slice(0, 6)}*****${people[i]!.idNumber.slice(14)}`,
        `准考证号${t.ticketNumber}`,
        '所属院校烟台职业学院',
        '考试证书物流管理职业技能等级证书',
        '证书等级中级',
        `基础考核（理论）2026-06-2008:30-10:00101室${i + 1}`,
        '考点及考场地址：烟台职业学院物流管理考核站点山东省烟台市莱山区滨海中路2018号实训楼3层101室',
        `实操考核2026-06-2013:30-15:303号机房${i + 1}`,
        '信息楼2层3号机房',
        '考生须知',
        '考生须凭本准考证和本人有效身份证件原件',
        '请妥善保管本准考证',
      ])
        expect(flat, expected).toContain(expected);
      expect(text).not.toContain(people[i]!.idNumber);
      expect(pdfText(path, { first: i + 1, last: i + 1, layout: true }).text).toMatch(/6\.\s+请妥善保管本准考证/);
      // The QR code holds no name and no ID number.
      expect(t.qrText).not.toContain(people[i]!.idNumber.slice(0, 6));
    }
    // The QR code, read back from the printed page as a scanner would, is the ticket's and checks out.
    const png = pagePng(path, 'exam-docs-ticket-page1', { dpi: 150 });
    const scanned = await decodeQr(png);
    expect(scanned).toBe(tickets[0]!.qrText);
    expect(verifyTicketQr(TEST_SECRET, scanned!)).toEqual({ ok: true, ticketNumber: tickets[0]!.ticketNumber });
    expect(await decodeQr(pagePng(path, 'exam-docs-ticket-page3', { dpi: 150, page: 3 }))).toBe(tickets[2]!.qrText);
  });

  it('reads its tickets from an async source, prints a ticket without a photo, and says which ran over a page', async () => {
    const { tickets } = await admissionTickets(3, { photos: false });
    tickets[1]!.rules = Array.from({ length: 40 }, (_, i) => `第 ${i + 1} 条须知：${'考生应当遵守考场规则，服从监考人员的安排。'.repeat(3)}`);
    async function* source() {
      for (const t of tickets) yield t;
    }
    const { path, result } = await write({ kind: 'tickets', tickets: source() }, 'tickets-async.pdf');
    expect(result).toMatchObject({ count: 3, pages: 4, withoutPhoto: 3, longTickets: [tickets[1]!.ticketNumber] });
    const { text, flat } = pdfText(path);
    expect(flat).toContain('照片');
    expect(text).toContain(`准考证号 ${tickets[1]!.ticketNumber} · 第 2 页 共 2 页`);
    expect(pdfText(path, { first: 4, last: 4 }).flat).toContain(`准考证号${tickets[2]!.ticketNumber}`);
  });

  it('a ticket whose subjects run over a page goes on under the table’s header on the next, no subject cut in two', async () => {
    const { tickets } = await admissionTickets(1);
    const [first] = tickets[0]!.subjects;
    tickets[0]!.subjects = Array.from({ length: 20 }, (_, i) => ({ ...first!, subjectName: `第${i + 1}科考核`, roomAddress: `${first!.roomAddress} ${'实训楼'.repeat(i % 3)}` }));
    const { path, result } = await write({ kind: 'tickets', tickets }, 'tickets-subjects.pdf');
    expect(result).toMatchObject({ pages: 2, longTickets: [tickets[0]!.ticketNumber] });
    const [page1, page2] = [1, 2].map((page) => pdfText(path, { first: page, last: page }).flat);
    expect(page2).toMatch(/^考试科目考试日期考试时间考场座位号/);
    const subjectsOn = (page: string) => [...page.matchAll(/第(\d+)科考核2026-06-20/g)].map((m) => Number(m[1]));
    expect([...subjectsOn(page1!), ...subjectsOn(page2!)]).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Each subject's address row is on the page of its subject.
    expect(page1!.match(/考点及考场地址/g)).toHaveLength(subjectsOn(page1!).length);
    expect(page2).toContain('考生须知');
    expect(pdfText(path, { first: 2, last: 2 }).text).toContain(`准考证号 ${tickets[0]!.ticketNumber} · 第 2 页 共 2 页`);
  });

  it('two ticket PDFs drawn at the same time each print their own candidates', async () => {
    const { tickets, people } = await admissionTickets(6);
    async function* slowly(from: typeof tickets) {
      for (const t of from) {
        await new Promise((r) => setTimeout(r, 5));
        yield t;
      }
    }
    const [a, b] = await Promise.all([
      write({ kind: 'tickets', tickets: slowly(tickets.slice(0, 3)) }, 'tickets-a.pdf'),
      write({ kind: 'tickets', tickets: slowly(tickets.slice(3)) }, 'tickets-b.pdf'),
    ]);
    for (const [printed, from] of [
      [a, 0],
      [b, 3],
    ] as const) {
      expectSubsetFont(printed.path);
      const { flat } = pdfText(printed.path);
      for (const [i, p] of people.entries()) {
        if (i >= from && i < from + 3) expect(flat).toContain(`姓名${p.name}`);
        else expect(flat).not.toContain(tickets[i]!.ticketNumber);
      }
    }
  });

  it('stops when cancelled between tickets, leaving no file', async () => {
    const { tickets } = await admissionTickets(4);
    const path = join(tempDir(), 'tickets-cancelled.pdf');
    let drawn = 0;
    const hooks = {
      author: AUTHOR,
      progress: (phase: string, done: number) => void (phase === '生成 PDF' && (drawn = done)),
      throwIfCancelled: () => {
        if (drawn >= 2) throw new Error('cancelled');
      },
    };
    await expect(writeExamDocument({ kind: 'tickets', tickets }, path, hooks)).rejects.toThrow('cancelled');
    expect(drawn).toBe(2);
    expect(readdirSync(join(path, '..'))).toEqual([]);
  });
});

describe('准考证 ZIP', { timeout: 120_000 }, () => {
  it('one PDF a candidate named 准考证号-姓名.pdf, names made safe and unique, each PDF its ticket with a QR code that scans back', async () => {
    const { tickets } = await admissionTickets(6);
    tickets[1]!.name = tickets[0]!.name;
    tickets[1]!.ticketNumber = tickets[0]!.ticketNumber;
    tickets[2]!.name = '../王/小:明*?';
    tickets[3]!.name = ' .\u202eFDP.exe\u200b ';
    tickets[4]!.name = '<>|"';
    tickets[5]!.name = 'Anna Lee';
    const again = { ...tickets[5]!, name: 'ANNA LEE' };
    const path = join(tempDir(), '准考证.zip');
    const progress: number[] = [];
    const result = await writeTicketZip([...tickets, again], path, { author: AUTHOR, expected: 7, progress: (_, done) => progress.push(done) });
    expect(result).toMatchObject({ files: 7, withoutPhoto: 0 });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(statSync(path).size).toBe(result.size);

    const entries = new Map<string, Buffer>();
    await walkZip(path, '准考证.zip', { maxEntries: 100, maxEntryBytes: 10 * 1024 * 1024, maxTotalBytes: 100 * 1024 * 1024 }, async (e) => {
      entries.set(e.name, await e.read());
    });
    const [n0, , n2, n3, n4, n5] = tickets.map((t) => t.ticketNumber);
    expect([...entries.keys()]).toEqual([
      `${n0}-${tickets[0]!.name}.pdf`,
      `${n0}-${tickets[0]!.name}（2）.pdf`,
      `${n2}-王小明.pdf`,
      `${n3}-FDP.exe.pdf`,
      `${n4}-考生.pdf`,
      `${n5}-Anna Lee.pdf`,
      `${n5}-ANNA LEE（2）.pdf`,
    ]);
    const dir = tempDir();
    for (const [i, [name, bytes]] of [...entries].entries()) {
      expect(bytes.subarray(0, 5).toString('latin1'), name).toBe('%PDF-');
      const file = join(dir, `${i}.pdf`);
      writeFileSync(file, bytes);
      expect(pdfInfo(file).pages).toBe(1);
      expect(pdfText(file).flat).toContain(`准考证号${[...tickets, again][i]!.ticketNumber}`);
    }
    expect(await decodeQr(pagePng(join(dir, '2.pdf'), 'exam-docs-ticket-zip-entry', { dpi: 150 }))).toBe(tickets[2]!.qrText);
  });

  it('a refused ticket or a cancel leaves no ZIP behind', async () => {
    const { tickets, people } = await admissionTickets(4);
    tickets[2]!.maskedIdNumber = people[2]!.idNumber;
    const path = join(tempDir(), 'tickets.zip');
    await expect(writeTicketZip(tickets, path, { author: AUTHOR })).rejects.toThrow('第 3 张准考证');
    tickets[2]!.maskedIdNumber = '370285*****5910';
    let checks = 0;
    await expect(
      writeTicketZip(tickets, path, {
        author: AUTHOR,
        throwIfCancelled: () => {
          if (++checks > 2) throw new Error('cancelled');
        },
      }),
    ).rejects.toThrow('cancelled');
    expect(readdirSync(join(path, '..'))).toEqual([]);
  });
});
