import sharp from 'sharp';
import { PDF_FONT } from './fonts';
import { mm, PDF_STYLES, type PdfContent, type PdfDocument, type PdfNode } from './document-kit';
import { PdfImages } from './pdf-images';
import { renderPdf } from './render-pdf';

/** What an electronic 职业技能等级证书 shows; `sample` prints the mock-up of the seal preview. */
export interface CertificateFace {
  sample: boolean;
  number: string;
  name: string;
  idNumber: string;
  certificateName: string;
  level: string;
  orgName: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  institutionName: string;
}

const INK = '#7a1f1f';
const GOLD = '#b08a3e';
/** A4 landscape, in points. */
const PAGE = { width: mm(297), height: mm(210) };
/** The seal printed about 30 mm across, as a stamp sits on a certificate. */
const SEAL = mm(30);

function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Two gold rules around the page and corner marks: drawn under the text on every page. */
function frame(): PdfContent {
  const inset = (n: number) => ({ type: 'rect', x: mm(n), y: mm(n), w: PAGE.width - 2 * mm(n), h: PAGE.height - 2 * mm(n) });
  return {
    canvas: [
      { ...inset(8), lineWidth: 3, lineColor: GOLD },
      { ...inset(11), lineWidth: 0.8, lineColor: GOLD },
    ],
  };
}

function row(label: string, value: string): PdfContent[] {
  return [
    { text: label, color: '#555555', alignment: 'right' },
    { text: value, bold: true },
  ];
}

/**
 * The certificate on one A4 landscape page: title, the holder and the certificate, the
 * organisation's and the site principal's places, the seal stamped over the latter. The seal
 * preview and 证书查验 print this same page, so what the principal previews is what is issued.
 */
export function certificateDocument(face: CertificateFace, sealImage: string | null): PdfDocument & { background: () => PdfContent; watermark?: PdfNode } {
  const signY = PAGE.height - mm(62);
  const right = { x: PAGE.width - mm(125), width: mm(95) };
  const content: PdfContent[] = [
    { text: '职业技能等级证书', fontSize: 32, bold: true, color: INK, alignment: 'center', margin: [0, mm(6), 0, 2], characterSpacing: 6 },
    { text: 'VOCATIONAL SKILLS LEVEL CERTIFICATE', fontSize: 9, color: GOLD, alignment: 'center', characterSpacing: 2, margin: [0, 0, 0, mm(6)] },
    {
      text: ['持证人 ', { text: face.name, bold: true }, ' 参加 ', { text: `${face.certificateName}（${face.level}）`, bold: true }, ' 考核，成绩合格，特发此证。'],
      fontSize: 13,
      alignment: 'center',
      margin: [mm(10), 0, mm(10), mm(7)],
      lineHeight: 1.5,
    },
    {
      table: {
        widths: ['*', 'auto', 'auto', '*'],
        body: [
          ['', ...row('姓　　名', face.name), ''],
          ['', ...row('证件号码', face.idNumber), ''],
          ['', ...row('证书名称', face.certificateName), ''],
          ['', ...row('证书等级', face.level), ''],
          ['', ...row('证书编号', face.number), ''],
          ['', ...row('发证日期', chineseDate(face.issuedOn)), ''],
        ],
      },
      layout: { defaultBorder: false, paddingTop: () => 3, paddingBottom: () => 3, paddingLeft: () => 6, paddingRight: () => 6 },
      fontSize: 12,
    },
    {
      absolutePosition: { x: mm(40), y: signY },
      stack: [
        { text: '培训评价组织（盖章）', bold: true, fontSize: 11 },
        { text: face.orgName, margin: [0, 6, 0, 0] },
      ],
      width: mm(95),
    },
    {
      absolutePosition: { x: right.x, y: signY },
      stack: [
        { text: '考核站点负责人（签章）', bold: true, fontSize: 11 },
        { text: face.institutionName, margin: [0, 6, 0, 0] },
      ],
      width: right.width,
    },
  ];
  // Stamped over the institution's name, as a seal is pressed over the signature line.
  if (sealImage) content.push({ image: sealImage, fit: [SEAL, SEAL], absolutePosition: { x: right.x + mm(18), y: signY - mm(7) } });
  else content.push({ absolutePosition: { x: right.x + mm(38), y: signY + mm(4) }, text: '（未上传签名章）', color: '#999999' });
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [mm(25), mm(22), mm(25), mm(22)],
    info: {
      title: face.sample ? '证书样张（签名章预览）' : `职业技能等级证书 ${face.number}`,
      author: face.orgName,
      subject: `${face.certificateName}（${face.level}）`,
      creator: '考点助手',
    },
    defaultStyle: { font: PDF_FONT, fontSize: 11, lineHeight: 1.2 },
    styles: PDF_STYLES,
    footer: () => (face.sample ? { text: '样张：仅用于预览签名章的加盖效果，不是证书。', alignment: 'center', fontSize: 9, color: '#999999' } : ''),
    background: frame,
    content,
    ...(face.sample ? { watermark: { text: '样 张', color: INK, opacity: 0.08, bold: true, fontSize: 120 } } : {}),
  };
}

/**
 * Writes the certificate to `path`, the seal stamped with its transparency: re-encoded by sharp
 * first, so pdfkit only ever inflates a PNG sharp wrote (see PdfImages on damaged PNGs).
 */
export async function writeCertificatePdf(face: CertificateFace, sealPng: Buffer | null, path: string): Promise<void> {
  const images = new PdfImages();
  try {
    const key = sealPng ? images.addOwn(await sharp(sealPng).ensureAlpha().png().toBuffer()) : null;
    await renderPdf(certificateDocument(face, key), path, { images });
  } finally {
    images.dispose();
  }
}
