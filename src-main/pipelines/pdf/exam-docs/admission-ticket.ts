import { mm, type PdfContent, type PdfNode } from '../document-kit';
import type { PdfImages } from '../pdf-images';
import { qrPng } from '../qr-image';
import { brokenLines, pagedSection, type PagedSection, run } from './exam-doc-kit';
import type { AdmissionTicket } from './types';

const PHOTO_W = mm(30);
const PHOTO_H = mm(42);
const QR = mm(32);
const LINE = '#666666';
/** The page's width inside a4Document's margins. */
const CONTENT_W = mm(210) - 2 * mm(18);
const FIELD_LABEL_W = 56;
/** The fields' values: what the photo, the QR code and the gaps leave, less the cells' padding and rules. */
const FIELD_VALUE_W = CONTENT_W - PHOTO_W - QR - 2 * mm(4) - FIELD_LABEL_W - 4 * 4 - 1.5;
const SUBJECT_W = [70, 64, 80, 40];
const SUBJECT_NAME_W = CONTENT_W - SUBJECT_W.reduce((a, b) => a + b, 0) - 5 * 2 * 4 - 3;
const ADDRESS_W = CONTENT_W - 2 * 4 - 1;
const RULE_SIZE = 9.5;
/** A rule's text beside its number (pdfmake's `ol` marker takes up to ~3 characters). */
const RULE_W = CONTENT_W - 3 * RULE_SIZE;

const ruled = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => LINE,
  vLineColor: () => LINE,
  paddingTop: () => 4,
  paddingBottom: () => 4,
};

/**
 * 准考证 for one candidate, one A4 page: the same page whether the school prints a room's
 * tickets in one PDF or sends each student their own file to print at home. Photo, name,
 * masked ID number, 准考证号, certificate and level; each subject's date, time, room, seat and
 * the room's full address; 考生须知; and the QR code the invigilator scans at the door.
 * `photo`: the image key of the candidate's photo (`PdfImages.addPhoto`), null for a placeholder.
 */
export function ticketSection(t: AdmissionTicket, photo: string | null, images: PdfImages): PagedSection {
  const qr = images.addOwn(qrPng(t.qrText));
  const fields: [string, string][] = [
    ['姓　　名', t.name],
    ['身份证号', t.maskedIdNumber],
    ['准考证号', t.ticketNumber],
    ['所属院校', t.institutionName],
    ['考试证书', t.certificateName],
    ['证书等级', t.level],
  ];
  return pagedSection(
    [
      { text: '准　考　证', fontSize: 22, bold: true, alignment: 'center' },
      { text: t.planName || `${t.certificateName}考核`, fontSize: 10, color: '#444444', alignment: 'center', margin: [0, 2, 0, mm(5)] },
      {
        columns: [
          {
            width: '*',
            table: {
              widths: [FIELD_LABEL_W, '*'],
              body: fields.map(([label, value]) => [
                { text: label, bold: true, fillColor: '#f2f2f2', noWrap: true },
                run(value, 10, FIELD_VALUE_W, { bold: label === '准考证号' }),
              ]),
            },
            layout: { ...ruled, paddingTop: () => 6.5, paddingBottom: () => 6.5 },
          },
          photo
            ? { width: PHOTO_W, image: photo, fit: [PHOTO_W, PHOTO_H] }
            : {
                width: PHOTO_W,
                table: { widths: [PHOTO_W - 9], heights: [PHOTO_H - 9], body: [[{ text: '照片', alignment: 'center', color: '#999999', margin: [0, PHOTO_H / 2 - 14, 0, 0] }]] },
              },
          {
            width: QR,
            stack: [
              { image: qr, width: QR, height: QR },
              { text: '入场时出示此码', fontSize: 7.5, color: '#555555', alignment: 'center' },
            ],
          },
        ],
        columnGap: mm(4),
      },
      { text: '考试安排', fontSize: 12, bold: true, margin: [0, mm(6), 0, 4] },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: ['*', ...SUBJECT_W],
          body: [['考试科目', '考试日期', '考试时间', '考场', '座位号'].map(header), ...t.subjects.flatMap(subjectRows)],
        },
        layout: ruled,
      },
      { text: '考生须知', fontSize: 12, bold: true, margin: [0, mm(6), 0, 4] },
      // Broken into lines here: pdfmake would hold each of their characters as a word of its own.
      {
        ol: t.rules.map((r) => ({ stack: brokenLines(r, RULE_SIZE, RULE_W).map((text) => ({ text, noWrap: true })), margin: [0, 0, 0, 2.5] })),
        fontSize: RULE_SIZE,
        lineHeight: 1.3,
      },
    ],
    {
      footer: (page, pages) =>
        pages > 1 ? { text: `准考证号 ${t.ticketNumber} · 第 ${page} 页 共 ${pages} 页`, fontSize: 8, color: '#777777', alignment: 'center', margin: [0, mm(5), 0, 0] } : null,
    },
  );
}

const header = (text: string): PdfNode => ({ text, bold: true, alignment: 'center', fillColor: '#e6e6e6' });

function subjectRows(s: AdmissionTicket['subjects'][number]): PdfContent[][] {
  return [
    [
      run(s.subjectName, 10, SUBJECT_NAME_W, { bold: true }),
      run(s.session.date, 10, SUBJECT_W[0]!, { alignment: 'center' }),
      run(`${s.session.start}-${s.session.end}`, 10, SUBJECT_W[1]!, { alignment: 'center' }),
      run(s.roomName, 10, SUBJECT_W[2]!),
      run(String(s.seatNumber), 10, SUBJECT_W[3]!, { alignment: 'center', bold: true }),
    ],
    [
      {
        ...run(`考点及考场地址：${s.siteName}　${s.roomAddress}`, 9, ADDRESS_W),
        text: [{ text: '考点及考场地址：', bold: true }, `${s.siteName}　${s.roomAddress}`],
        colSpan: 5,
        fontSize: 9,
      },
      '',
      '',
      '',
      '',
    ],
  ];
}
