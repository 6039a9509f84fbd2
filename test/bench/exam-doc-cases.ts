import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_TICKETS_PER_PDF } from '../../src-shared/api/exam-docs';
import { fakePeople } from '../../src-main/core/demo/fake-people';
import { generatePhoto } from '../../src-main/core/demo/photo-generator';
import { a4Document } from '../../src-main/pipelines/pdf/document-kit';
import type { AdmissionTicket, ExamRoomSheet } from '../../src-main/pipelines/pdf/exam-docs/types';
import { writeExamDocument } from '../../src-main/pipelines/pdf/exam-docs/write-exam-docs';
import { renderPdf } from '../../src-main/pipelines/pdf/render-pdf';
import { boundedQueue } from '../../src-main/pipelines/photos/bounded-queue';
import { roomSheets, ticketFor } from '../fixtures/exam-doc-fixtures';
import type { BenchCase } from './harness';

const COUNT = 10_000;
const AUTHOR = '烟台职业学院';

let rooms: ExamRoomSheet[] | undefined;
async function signInRooms(): Promise<ExamRoomSheet[]> {
  rooms ??= (await roomSheets(COUNT, { perRoom: 30 })).rooms;
  return rooms;
}

let tickets: AdmissionTicket[] | undefined;
/** 10,000 tickets, each with its own photo (made once per run of the bench, 4 at a time: ~20 s). */
async function admissionTickets(): Promise<AdmissionTicket[]> {
  if (tickets) return tickets;
  const people = fakePeople(COUNT, 2027);
  const made: AdmissionTicket[] = [];
  const queue = boundedQueue(4);
  for (const [i, p] of people.entries()) {
    const ticket = await ticketFor(p, i, { photos: false });
    made.push(ticket);
    await queue.add(async () => void (ticket.photo = await generatePhoto(p.idNumber)));
  }
  await queue.drain();
  tickets = made;
  return tickets;
}

interface State {
  dir: string;
  path: string;
}

const fresh = (name: string) => async (): Promise<State> => {
  const dir = mkdtempSync(join(tmpdir(), 'examsite-bench-'));
  return { dir, path: join(dir, name) };
};
const cleanUp = (state: unknown) => rmSync((state as State).dir, { recursive: true, force: true });

/**
 * The libraries' own work for a sign-in sheet: pdfmake laying out and writing one plain table
 * of the same 10,000 rows (序号, 姓名, masked ID, 准考证号, 院校, 座位号, an empty 签名), the same
 * column widths and the same CJK font, subset.
 */
async function plainTable(path: string): Promise<void> {
  const all = await signInRooms();
  const body: string[][] = [['序号', '学生姓名', '身份证号码', '准考证号', '所属院校', '座位号', '签名']];
  let n = 0;
  for (const room of all) for (const s of room.seats) body.push([String(++n), s.name, s.maskedIdNumber, s.ticketNumber, s.institutionName, String(s.seatNumber), '']);
  const doc = a4Document({ title: '签到表', author: AUTHOR, content: [{ table: { headerRows: 1, widths: [24, 50, 82, 112, '*', 30, 76], body } }] });
  await renderPdf(doc, path);
}

export const examDocCases: BenchCase[] = [
  {
    name: 'exam docs: pdfmake, one plain table of 10,000 sign-in rows',
    runs: 3,
    setup: async () => {
      await signInRooms();
      return fresh('plain.pdf')();
    },
    run: (state) => plainTable((state as State).path),
    teardown: cleanUp,
  },
  {
    name: 'exam docs: sign-in sheets, 10,000 candidates in 334 rooms',
    baseline: 'exam docs: pdfmake, one plain table of 10,000 sign-in rows',
    targetRatio: 1.2,
    budgetMs: 8_000,
    runs: 3,
    setup: async () => {
      await signInRooms();
      return fresh('signin.pdf')();
    },
    run: async (state) => {
      const result = await writeExamDocument({ kind: 'signin', rooms: await signInRooms() }, (state as State).path, { author: AUTHOR });
      if (result.count !== 334) throw new Error(`printed ${result.count} rooms`);
    },
    teardown: cleanUp,
  },
  {
    // The print job caps one PDF at MAX_TICKETS_PER_PDF (1,000) tickets, so 10,000 are printed as 10 PDFs.
    name: 'exam docs: admission tickets with photos and QR codes, 10,000 in PDFs of 1,000',
    budgetMs: 40_000,
    runs: 1,
    setup: async () => {
      await admissionTickets();
      return fresh('tickets')();
    },
    run: async (state) => {
      const { dir } = state as State;
      const all = await admissionTickets();
      let size = 0;
      for (let i = 0; i < all.length; i += MAX_TICKETS_PER_PDF) {
        const path = join(dir, `tickets-${i}.pdf`);
        const result = await writeExamDocument({ kind: 'tickets', tickets: all.slice(i, i + MAX_TICKETS_PER_PDF) }, path, { author: AUTHOR });
        if (result.withoutPhoto !== 0) throw new Error(`${result.withoutPhoto} tickets without a photo`);
        size += statSync(path).size;
      }
      process.stdout.write(`  tickets: ${(size / 1024 / 1024).toFixed(0)} MB for ${COUNT}, ${((size / 1024 / 1024) * (1000 / COUNT)).toFixed(1)} MB per 1,000 tickets\n`);
    },
    teardown: cleanUp,
  },
];
