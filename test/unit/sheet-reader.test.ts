import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSheet, type Sheet, type SheetLimits } from '../../src-main/pipelines/xlsx/sheet-reader';
import { writeCsv } from '../fixtures/candidate-sheets';
import { writeColumnBomb, writeHugeSharedString } from '../fixtures/hostile-sheets';
import { CHART_SHEET_XML, declareSize, inlineCell, sharedStringsXml, worksheetXml, writeRawXlsx, type RawSheet } from '../fixtures/raw-xlsx';
import { writeZip } from '../fixtures/package-fixtures';
import { tempDir } from '../helpers/temp-dir';

const LIMITS: SheetLimits = { maxRows: 100_001, maxBytes: 100 * 1024 * 1024 };
const LABEL = '表格“t.xlsx”';

async function read(options: { sheets: RawSheet[]; sharedStrings?: string }, limits = LIMITS): Promise<Sheet> {
  const path = join(tempDir(), 't.xlsx');
  await writeRawXlsx(path, options);
  return readSheet(path, LABEL, limits);
}

const readRows = (rowsXml: string, sharedStrings?: string, limits = LIMITS) => read({ sheets: [{ name: 'S', xml: worksheetXml(rowsXml) }], sharedStrings }, limits);
const cells = (sheet: Sheet) => sheet.rows.map((r) => [r.rowNumber, r.cells]);
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'read',
    (e: Error) => e.message,
  );

describe('sheet reader: what other generators write', () => {
  it('inline strings (rich text runs too, phonetic runs left out), formula strings, booleans, errors, numbers and ISO dates', async () => {
    const sheet = await readRows(
      `<row r="1">${inlineCell('A1', '张伟')}<c r="B1" t="inlineStr"><is><r><t>物流</t></r><r><rPr><b/></rPr><t xml:space="preserve">管理 </t></r><rPh sb="0" eb="1"><t>ブツ</t></rPh></is></c>` +
        `<c r="C1" t="str"><f>A1&amp;"同学"</f><v>张伟同学</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c><c r="F1" t="e"><v>#N/A</v></c>` +
        `<c r="G1" s="3"><v>45901</v></c><c r="H1"><v>1.5E-3</v></c><c r="I1" t="d"><v>2025-09-01T00:00:00Z</v></c><c r="J1" t="n"><f>1+1</f><v>2</v></c></row>`,
    );
    expect(cells(sheet)).toEqual([
      [
        1,
        ['张伟', '物流管理 ', { formula: 'A1&"同学"', result: '张伟同学' }, true, false, { error: '#N/A' }, 45901, 0.0015, '2025-09-01T00:00:00Z', { formula: '1+1', result: 2 }],
      ],
    ]);
  });

  it('cells and rows without an `r` take the next position', async () => {
    const sheet = await readRows(
      `<row>${inlineCell('A1', '姓名').replace(' r="A1"', '')}<c t="inlineStr"><is><t>身份证号</t></is></c></row><row><c><v>1</v></c><c r="D2"><v>4</v></c><c><v>5</v></c></row><row r="5"><c><v>6</v></c></row><row><c><v>7</v></c></row>`,
    );
    expect(cells(sheet)).toEqual([
      [1, ['姓名', '身份证号']],
      [2, [1, null, null, 4, 5]],
      [5, [6]],
      [6, [7]],
    ]);
  });

  it('elements and attributes with a namespace prefix (x:row, x:c), as strict OOXML and some generators write them', async () => {
    const x = (tag: string) => tag.replace(/<(\/?)(\w)/g, '<$1x:$2');
    const sheet = await read({
      sheets: [{ name: 'S', xml: worksheetXml(x(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>李娜</t></is></c><c r="C1"><v>3</v></c></row>`), 'x') }],
      sharedStrings: `<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>王芳</x:t></x:si></x:sst>`,
    });
    expect(cells(sheet)).toEqual([[1, ['王芳', '李娜', 3]]]);
  });

  it('decodes the _xHHHH_ escapes of ST_Xstring in shared, inline and rich text and in formula strings; _x005F_ is the underscore', async () => {
    const sheet = await readRows(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>${inlineCell('C1', '物流_x000D__x000A_管理')}<c r="D1" t="inlineStr"><is><r><t>a_x005F_</t></r><r><t>x0041_</t></r></is></c><c r="E1" t="str"><f>A1</f><v>x_x0009_y</v></c><c r="F1" t="s"><v>2</v></c></row>`,
      sharedStringsXml(['_x005F_x000D_', '张_x000D_伟', '_x00e9__xZZZZ_']),
    );
    expect(sheet.rows[0]!.cells).toEqual(['_x000D_', '张\r伟', '物流\r\n管理', 'a_x0041_', { formula: 'A1', result: 'x\ty' }, 'é_xZZZZ_']);
  });

  it('reads the first worksheet in tab order, past chart, dialog and macro sheets and hidden sheets, and names it', async () => {
    const data = worksheetXml(`<row r="1">${inlineCell('A1', '姓名')}</row>`);
    const other = worksheetXml(`<row r="1">${inlineCell('A1', '别的表')}</row>`);
    const sheet = await read({
      sheets: [
        { name: '统计图', xml: CHART_SHEET_XML, kind: 'chartsheet' },
        { name: '对话框', xml: other, kind: 'dialogsheet' },
        { name: '宏', xml: other, kind: 'macrosheet' },
        { name: '代码表', xml: other, state: 'hidden' },
        { name: '考生名单', xml: data },
        { name: '备用', xml: other },
      ],
    });
    expect(sheet.name).toBe('考生名单');
    expect(cells(sheet)).toEqual([[1, ['姓名']]]);
    // Only hidden worksheets: the first of them.
    expect(
      (
        await read({
          sheets: [
            { name: '图', xml: CHART_SHEET_XML, kind: 'chartsheet' },
            { name: '隐藏', xml: data, state: 'hidden' },
          ],
        })
      ).name,
    ).toBe('隐藏');
    expect(await refusal(read({ sheets: [{ name: '图', xml: CHART_SHEET_XML, kind: 'chartsheet' }] }))).toContain('没有工作表');
  });

  it('finds the workbook and its parts through the relationships, wherever they are and however their names are cased', async () => {
    const path = join(tempDir(), 'moved.xlsx');
    const rel = (id: string, type: string, target: string) =>
      `<Relationship Id="${id}" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/${type}" Target="${target}"/>`;
    const rels = (body: string) => Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`);
    await writeZip(path, [
      { name: '_rels/.rels', data: rels(rel('rId1', 'officeDocument', 'book/main.xml')) },
      { name: 'book/main.xml', data: Buffer.from(`<workbook xmlns:rel="r"><sheets><sheet name="数据" sheetId="1" rel:id="s1"/></sheets></workbook>`) },
      { name: 'book/_rels/main.xml.rels', data: rels(rel('s1', 'worksheet', '/book/Sheets/Data.xml') + rel('s2', 'sharedStrings', '../book/strings.xml')) },
      { name: 'book/sheets/data.xml', data: Buffer.from(worksheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)) },
      { name: 'book/strings.xml', data: Buffer.from(sharedStringsXml(['找到了'])) },
    ]);
    const sheet = await readSheet(path, LABEL, LIMITS);
    expect([sheet.name, sheet.rows[0]!.cells]).toEqual(['数据', ['找到了']]);
  });
});

describe("sheet reader: Excel's limits, naming the cell", () => {
  it('refuses a reference past XFD, a row past 1,048,576 and a malformed reference, instead of filling a row up to it', async () => {
    const path = join(tempDir(), 'bomb.xlsx');
    await writeColumnBomb(path);
    expect(await refusal(readSheet(path, LABEL, LIMITS))).toBe(`${LABEL}中的单元格 AAAAAAA2 超出 Excel 的范围（最多 XFD 列、1048576 行），文件可能已损坏或不是 Excel 保存的。`);
    expect(await refusal(readRows(`<row r="1"><c r="XFE1"><v>1</v></c></row>`))).toContain('单元格 XFE1 超出 Excel 的范围');
    expect(await refusal(readRows(`<row r="1"><c r="A1048577"><v>1</v></c></row>`))).toContain('单元格 A1048577 超出');
    expect(await refusal(readRows(`<row r="1"><c r="A0"><v>1</v></c></row>`))).toContain('单元格 A0 超出');
    expect(await refusal(readRows(`<row r="1"><c r="${'B'.repeat(5000)}1"><v>1</v></c></row>`))).toContain(`单元格 ${'B'.repeat(20)}… 超出`);
    expect(await refusal(readRows(`<row r="1048577"><c><v>1</v></c></row>`, undefined, { ...LIMITS, maxRows: 2_000_000 }))).toContain('第 1048577 行超出 Excel 的范围');
    expect(await refusal(readRows(`<row r="x"><c><v>1</v></c></row>`))).toContain('第 x 行超出');
  });

  it('refuses implicit positions past the grid: a 16,385th cell without `r`', async () => {
    const row = `<row r="3">${'<c><v>1</v></c>'.repeat(16_384)}</row>`;
    expect((await readRows(row)).rows[0]!.cells).toHaveLength(16_384);
    expect(await refusal(readRows(row.replace('</row>', '<c><v>1</v></c></row>')))).toContain('单元格 XFE3 超出');
  });

  it('XFD and row 1,048,576 themselves are inside the grid; blanks after the last value are not kept', async () => {
    const sheet = await read(
      {
        sheets: [
          {
            name: 'S',
            xml: worksheetXml(
              `<row r="1048576"><c r="A1048576"><v>1</v></c><c r="XFD1048576"><v>2</v></c></row><row r="1048575"><c r="B1048575"><v>3</v></c><c r="XFD1048575" s="2"/></row>`,
            ),
          },
        ],
      },
      { ...LIMITS, maxRows: 1_048_576 },
    );
    expect(sheet.rows.map((r) => [r.rowNumber, r.cells.length, r.cells.at(-1)])).toEqual([
      [1048576, 16_384, 2],
      [1048575, 2, 3],
    ]);
  });

  it('refuses cell text over 32,767 characters, inline or shared (when a cell uses it), naming the cell', async () => {
    const long = '张'.repeat(32_768);
    expect((await readRows(`<row r="1">${inlineCell('B1', long.slice(1))}</row>`)).rows[0]!.cells[1]).toHaveLength(32_767);
    expect(await refusal(readRows(`<row r="1">${inlineCell('B1', long)}</row>`))).toBe(`${LABEL}中单元格 B1 的内容超过 32,767 个字符（Excel 单元格的上限），请检查该单元格。`);
    expect(await refusal(readRows(`<row r="1"><c r="C1" t="inlineStr"><is><r><t>${long.slice(2)}</t></r><r><t>ab</t></r></is></c></row>`))).toContain('单元格 C1 的内容超过');
    expect(await refusal(readRows(`<row r="1"><c r="D1" t="str"><f>A1</f><v>${long}</v></c></row>`))).toContain('单元格 D1 的内容超过');
    // Escapes are counted as what they decode to.
    expect((await readRows(`<row r="1">${inlineCell('A1', '_x000D_'.repeat(32_767))}</row>`)).rows[0]!.cells[0]).toHaveLength(32_767);
    // An unused long shared string harms nobody.
    const shared = sharedStringsXml(['姓名', long]);
    expect(cells(await readRows(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, shared))).toEqual([[1, ['姓名']]]);
    expect(await refusal(readRows(`<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="7"><c r="E7" t="s"><v>1</v></c></row>`, shared))).toContain('单元格 E7 的内容超过');
  });

  it('a 200,000,000-character shared string is refused at its cell, with memory to spare', async () => {
    const path = join(tempDir(), 'giant.xlsx');
    await writeHugeSharedString(path, { chars: 200_000_000, cells: 1, letter: 'a' });
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const message = await refusal(readSheet(path, LABEL, LIMITS));
    clearInterval(sample);
    expect(message).toContain('单元格 A2 的内容超过 32,767 个字符');
    expect(peak - before).toBeLessThan(150 * 1024 * 1024);
  });

  it('refuses a sheet whose rows × widest row pass the cell bound, naming the wide row', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join('');
    const wide = `<row r="41"><c r="A41"><v>1</v></c><c r="CV41"><v>1</v></c></row>`;
    expect((await read({ sheets: [{ name: 'S', xml: worksheetXml(rows + wide) }] }, { ...LIMITS, maxCells: 41 * 100 })).rows).toHaveLength(41);
    expect(
      await refusal(read({ sheets: [{ name: 'S', xml: worksheetXml(rows + wide + `<row r="42"><c r="A42"><v>1</v></c></row>`) }] }, { ...LIMITS, maxCells: 41 * 100 })),
    ).toContain('数据区域太大（42 行 × 100 列，超过 4,100 个单元格；第 41 行一直到 CV 列都有内容）');
  });

  it('a part that inflates to more or less than the ZIP declares is refused as damaged, read in chunks or not', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    for (const size of [1024, 4 * 1024 * 1024]) {
      const path = join(tempDir(), 'lying.xlsx');
      await writeRawXlsx(path, { sheets: [{ name: 'S', xml: worksheetXml(rows) }] });
      declareSize(path, 'xl/worksheets/sheet1.xml', size);
      expect(await refusal(readSheet(path, LABEL, LIMITS))).toContain('“xl/worksheets/sheet1.xml”已损坏（实际大小与声明不符）');
    }
  });

  it('refuses markup longer than any workbook writes (a megabyte-long tag)', async () => {
    expect(await refusal(readRows(`<row r="1"><c r="A1" x="${'y'.repeat(1_100_000)}"><v>1</v></c></row>`))).toContain('超长 XML 标记');
  });

  it('csv: the same limits on text, columns and cells', async () => {
    const dir = tempDir();
    writeCsv(
      join(dir, 'long.csv'),
      [
        ['姓名', '身份证号'],
        ['张伟', 'x'.repeat(32_768)],
      ],
      'utf8',
    );
    expect(await refusal(readSheet(join(dir, 'long.csv'), LABEL, LIMITS))).toContain('单元格 B2 的内容超过 32,767 个字符');
    writeCsv(join(dir, 'wide.csv'), [['姓名', ...Array.from({ length: 16_384 }, () => '')], ['张伟']], 'utf8');
    expect(await refusal(readSheet(join(dir, 'wide.csv'), LABEL, LIMITS))).toContain('单元格 XFE1 超出 Excel 的范围');
  });
});
