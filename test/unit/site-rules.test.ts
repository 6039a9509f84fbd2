import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkCapacity, type CapacityRoomInput, type CapacitySubjectInput } from '../../src-shared/domain/exam-room';
import { contactMobile, suggestedSiteName } from '../../src-shared/domain/exam-site';
import { checkDocument } from '../../src-main/pipelines/documents/check-document';
import { writeZip } from '../fixtures/package-fixtures';
import { tempDir } from '../helpers/temp-dir';

const subject = (over: Partial<CapacitySubjectInput> = {}): CapacitySubjectInput => ({
  code: '098694',
  name: '基础考核',
  method: '机考',
  certificateCode: 'ZS2019003',
  certificateName: '物流管理职业技能等级证书',
  level: '初级',
  sessions: 2,
  enrolled: 0,
  expected: null,
  quota: null,
  ...over,
});
const room = (over: Partial<CapacityRoomInput> = {}): CapacityRoomInput => ({
  id: 1,
  name: '13号机房',
  siteName: '站点',
  type: '机考',
  seats: 60,
  serves: [{ certificateCode: 'ZS2019003', level: '初级' }],
  ...over,
});

describe('site and room rules', () => {
  it('suggests 学校名称 + 证书简称 + 考核站点, each short name once', () => {
    expect(suggestedSiteName('昌平职业技术学校', [])).toBe('昌平职业技术学校考核站点');
    expect(suggestedSiteName('昌平职业技术学校', ['Python', 'Python', ' 物流管理 '])).toBe('昌平职业技术学校Python、物流管理证书考核站点');
  });

  it('takes the contact’s mobile by the candidates’ rule, normalised', () => {
    expect(contactMobile.parse('+86 138-0535-1234')).toBe('13805351234');
    expect(contactMobile.safeParse('12345678901').error?.issues[0]?.message).toBe('手机号“12345678901”不是 11 位中国大陆手机号');
  });

  it('counts enrolled before expected before quota, and flags rooms that serve no subject', () => {
    const [enrolled, expected, quota, none] = checkCapacity(
      [subject({ enrolled: 5, expected: 90, quota: 200 }), subject({ code: 'B', expected: 0, quota: 200 }), subject({ code: 'C', quota: 200 }), subject({ code: 'D' })],
      [room()],
    ).subjects;
    expect([enrolled!.source, enrolled!.candidates, expected!.source, expected!.candidates, quota!.source, quota!.candidates, none!.source]).toEqual([
      'enrolled',
      5,
      'expected',
      0,
      'quota',
      200,
      'none',
    ]);
    expect(quota!.shortfall).toBe(80);
    const { flaggedRooms } = checkCapacity(
      [subject()],
      [room(), room({ id: 2, name: '107室', type: '笔试' }), room({ id: 3, name: '中级机房', serves: [{ certificateCode: 'ZS2019003', level: '中级' }] })],
    );
    expect(flaggedRooms.map((r) => r.message)).toEqual(['考场“107室”（站点）是笔试考场，本计划没有笔试科目', '考场“中级机房”（站点）的证书没有机考科目，不计入任何科目的座位']);
  });

  it('tells documents by content and says what a refused file is', async () => {
    const dir = tempDir();
    const file = (name: string, data: Buffer | string) => {
      const path = join(dir, name);
      writeFileSync(path, data);
      return path;
    };
    const refusal = (path: string, name: string) =>
      checkDocument(path, name, 1024 * 1024).then(
        () => 'accepted',
        (e: Error) => e.message,
      );
    const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('Workbook', 'utf16le')]);
    expect(await refusal(file('a.doc', ole2), 'a.doc')).toContain('是旧版电子表格或演示文稿（Excel、PowerPoint 等），不是 PDF 或 Word 文档');
    const xlsx = join(dir, 'b.docx');
    await writeZip(xlsx, [{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]);
    expect(await refusal(xlsx, 'b.docx')).toContain('是电子表格或演示文稿（Excel、PowerPoint）');
    expect(await refusal(file('c.pdf', iconv.encode('这是用记事本保存的 GBK 文字', 'gbk')), 'c.pdf')).toContain('是文本文件');
    expect(await refusal(file('d.pdf', Buffer.from([0x00, 0x01, 0x02, 0xff])), 'd.pdf')).toContain('是未知格式的文件');
    expect(await refusal(file('e.pdf', ''), 'e.pdf')).toContain('是空文件');
    expect(await refusal(file('f.pdf', Buffer.alloc(1024 * 1024 + 1, 0x25)), 'f.pdf')).toBe('文件“f.pdf”有 1.1 MB，超过 1 MB 的上限。');
  });
});
