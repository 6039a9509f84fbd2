import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { planEntries } from '../../src-main/core/photos/photo-plan';
import { classifyBackground, frameAverage } from '../../src-main/pipelines/photos/border-colour';
import { checkPhoto, PIXEL_LIMIT } from '../../src-main/pipelines/photos/check-photo';
import { judgeEntryName } from '../../src-main/pipelines/photos/entry-names';
import { coverCrop } from '../../src-main/pipelines/photos/fit-photo';
import { headerSize, sniffImage } from '../../src-main/pipelines/photos/image-sniff';
import { animated, stuffed } from '../fixtures/png-chunk-fixtures';
import { hugePng, orientedPhoto, oversizedJpeg, photo, pixelDistance, renamedPdf, truncatedJpeg } from '../fixtures/photo-fixtures';

// Valid GB 11643 numbers (from fakePeople); the second ends in X.
const ID = '370602200505163581';
const ID2 = '37010220081203888X';

describe('border colour classifier', () => {
  it.each([
    [[214, 28, 36], 'red'],
    [[255, 0, 0], 'red'],
    [[150, 22, 25], 'red'], // under-exposed red
    [[200, 60, 70], 'red'],
    [[67, 142, 219], 'blue'],
    [[0, 191, 243], 'blue'], // the light 天蓝 some studios use
    [[30, 80, 160], 'blue'],
    [[246, 246, 246], 'white'],
    [[225, 230, 235], 'white'],
    [[128, 128, 128], 'other'],
    [[240, 180, 180], 'other'], // pink is not red
    [[20, 20, 20], 'other'],
  ] as const)('%j is %s', (rgb, expected) => {
    expect(classifyBackground([...rgb])).toBe(expected);
  });

  it('reads the top and the upper sides only: the clothes along the bottom do not count', () => {
    const width = 40;
    const height = 60;
    const pixels = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels.set(y < height * 0.62 ? [210, 30, 30] : [10, 10, 40], (y * width + x) * 3);
    expect(classifyBackground(frameAverage(pixels, width, height, 3))).toBe('red');
  });

  it('sees a transparent PNG background as white (what it prints as), and greyscale as grey', () => {
    const rgba = new Uint8Array(20 * 20 * 4); // all transparent black
    expect(classifyBackground(frameAverage(rgba, 20, 20, 4))).toBe('white');
    const grey = new Uint8Array(20 * 20).fill(128);
    expect(frameAverage(grey, 20, 20, 1)).toEqual([128, 128, 128]);
  });
});

describe('what a file is, by content', () => {
  it('knows JPEG and PNG by their magic bytes and names the usual impostors', async () => {
    expect(sniffImage(await photo(ID))).toEqual({ format: 'jpeg' });
    expect(sniffImage(await photo(ID, { format: 'png' }))).toEqual({ format: 'png' });
    expect(sniffImage(renamedPdf())).toEqual({ format: null, what: 'PDF 文档' });
    expect(sniffImage(Buffer.from('GIF89a......'))).toEqual({ format: null, what: 'GIF 动图' });
    expect(sniffImage(Buffer.alloc(0))).toEqual({ format: null, what: '空文件' });
  });

  it('reads the declared size from a JPEG or PNG header as sharp does, or gives up', async () => {
    for (const [format, width, height] of [
      ['jpeg', 295, 413],
      ['jpeg', 600, 840],
      ['png', 413, 295],
    ] as const) {
      const bytes = await photo(ID, { format, width, height });
      expect(headerSize(bytes, format)).toEqual({ width, height, orientation: 1 });
      expect(await sharp(bytes).metadata()).toMatchObject({ width, height });
    }
    expect(headerSize(hugePng(), 'png')).toEqual({ width: 20_000, height: 20_000, orientation: 1 });
    expect(headerSize(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]), 'jpeg')).toBeNull();
  });
});

describe('EXIF orientation', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('orientation %i: read from a JPEG APP1 and a PNG eXIf as sharp reads it, and the fixture shows upright', async (orientation) => {
    for (const format of ['jpeg', 'png'] as const) {
      const bytes = await orientedPhoto(ID, orientation, { format });
      const meta = await sharp(bytes).metadata();
      expect(meta.orientation ?? 1, format).toBe(orientation);
      expect(headerSize(bytes, format), format).toEqual({ width: meta.width, height: meta.height, orientation });
      expect(await pixelDistance(bytes, await photo(ID)), format).toBeLessThan(3);
    }
  });

  it('gives up on a broken Exif block, for sharp to read instead', async () => {
    const bytes = Buffer.from(await orientedPhoto(ID, 6));
    const exif = bytes.indexOf(Buffer.from('Exif\0\0', 'latin1'));
    bytes.write('XX', exif + 6, 'latin1'); // neither II nor MM
    expect(headerSize(bytes, 'jpeg')).toBeNull();
  });

  it.each([2, 3, 4, 5, 6, 7, 8])('orientation %i: an upright 295×413 as shown is accepted, stored turned upright with no orientation left', async (orientation) => {
    for (const format of ['jpeg', 'png'] as const) {
      const r = await checkPhoto(await orientedPhoto(ID, orientation, { format }), { fix: false });
      expect(r, format).toMatchObject({ ok: true, fixed: false, message: '照片合格（已按拍摄方向转正）', photo: { format, width: 295, height: 413 } });
      if (!r.ok) continue;
      const stored = await sharp(r.photo.data).metadata();
      expect({ width: stored.width, height: stored.height, orientation: stored.orientation ?? 1 }, format).toEqual({ width: 295, height: 413, orientation: 1 });
      expect(r.photo.size).toBe(r.photo.data.length);
      expect(await pixelDistance(r.photo.data, await photo(ID)), format).toBeLessThan(4);
    }
  });

  it('judges the size as shown: stored 295×413 but turned a quarter is a 413×295 photo', async () => {
    // A portrait photo shown sideways: stored 295×413 pixels, orientation 6 turns it to 413×295.
    const sideways = await sharp(await photo(ID))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect(await checkPhoto(sideways, { fix: false })).toMatchObject({ ok: false, code: 'SIZE', message: expect.stringContaining('照片尺寸是 413×295 像素') });
    // And a phone's 3:4 portrait stored sideways is fixed as shown, upright.
    const phone = await orientedPhoto(ID, 6, { width: 600, height: 840 });
    expect(await checkPhoto(phone, { fix: false })).toMatchObject({ ok: false, code: 'SIZE', message: expect.stringContaining('照片尺寸是 600×840 像素') });
    const fixed = await checkPhoto(phone, { fix: true });
    expect(fixed).toMatchObject({ ok: true, fixed: true, message: '照片合格（已从 600×840 自动调整为 295×413 像素）' });
    if (fixed.ok) {
      expect((await sharp(fixed.photo.data).metadata()).orientation ?? 1).toBe(1);
      expect(
        await pixelDistance(fixed.photo.data, await checkPhoto(await photo(ID, { width: 600, height: 840 }), { fix: true }).then((u) => (u.ok ? u.photo.data : Buffer.alloc(0)))),
      ).toBeLessThan(4);
    }
  });

  it('keeps an upright photo that says orientation 1 byte for byte', async () => {
    const bytes = await sharp(await photo(ID))
      .withMetadata({ orientation: 1 })
      .jpeg()
      .toBuffer();
    const r = await checkPhoto(bytes, { fix: false });
    expect(r).toMatchObject({ ok: true, message: '照片合格' });
    if (r.ok) expect(r.photo.data.equals(bytes)).toBe(true);
  });
});

describe('entry names', () => {
  it('takes 身份证号.jpg|.jpeg|.png in any folder and any case, normalising the ID', () => {
    expect(judgeEntryName(`2026级/物流1班/${ID}.JPG`)).toEqual({ kind: 'photo', id: ID });
    expect(judgeEntryName(`${ID}.jpeg`)).toEqual({ kind: 'photo', id: ID });
    expect(judgeEntryName(`${ID2.toLowerCase()}.Png`)).toEqual({ kind: 'photo', id: ID2 });
  });

  it('ignores system clutter', () => {
    for (const name of [`__MACOSX/2026级/._${ID}.jpg`, 'Thumbs.db', '照片/THUMBS.DB', 'desktop.ini', '.DS_Store', `照片/.${ID}.jpg`])
      expect(judgeEntryName(name).kind, name).toBe('ignored');
  });

  it('refuses other names, saying why', () => {
    expect(judgeEntryName('张三.jpg')).toEqual({ kind: 'bad', message: expect.stringContaining('“张三”不是有效的身份证号') });
    expect(judgeEntryName(`${ID}.heic`)).toEqual({ kind: 'bad', message: expect.stringContaining('只接受 .jpg、.jpeg 或 .png') });
    expect(judgeEntryName('370602200505163582.jpg')).toEqual({ kind: 'bad', message: expect.stringContaining('校验位不正确') });
  });

  it('refuses every photo of an ID that appears twice, each naming the other', () => {
    const entry = (name: string) => ({ name, declaredSize: 1, compressedSize: 1 });
    const candidates = new Map([
      [ID, { id: 1, name: '张伟', hasPhoto: false }],
      [ID2, { id: 2, name: '李娜', hasPhoto: false }],
    ]);
    const third = '370103200802013503';
    const plan = planEntries([entry(`a/${ID}.jpg`), entry(`b/${ID}.PNG`), entry(`${ID2.toLowerCase()}.jpg`), entry(`${ID2}.JPG`), entry(`${third}.jpg`)], candidates);
    expect(plan.map((p) => p.decided?.code ?? 'CHECK')).toEqual(['DUPLICATE', 'DUPLICATE', 'DUPLICATE', 'DUPLICATE', 'NO_CANDIDATE']);
    expect(plan[2]!.decided!.message).toBe(`与“${ID2}.JPG”是同一身份证号的照片，请只保留一张`);
    expect(planEntries([entry(`${ID}.jpg`)], candidates)[0]).toMatchObject({ decided: null, id: ID, candidate: { id: 1 } });
    expect(plan[0]!.decided!.message).toBe(`与“b/${ID}.PNG”是同一身份证号的照片，请只保留一张`);
    expect(plan[1]!.decided!.message).toBe(`与“a/${ID}.jpg”是同一身份证号的照片，请只保留一张`);
  });
});

describe('the auto-fix crop', () => {
  it('covers the target and cuts more from the bottom than from the top', () => {
    expect(coverCrop(600, 1000, { width: 295, height: 413 })).toEqual({ resizeWidth: 295, resizeHeight: 492, left: 0, top: 28 });
    expect(coverCrop(800, 600, { width: 295, height: 413 })).toEqual({ resizeWidth: 551, resizeHeight: 413, left: 128, top: 0 });
    expect(coverCrop(295, 413, { width: 295, height: 413 })).toEqual({ resizeWidth: 295, resizeHeight: 413, left: 0, top: 0 });
  });
});

describe('one photo against the rules', () => {
  it('accepts a red 295×413 JPEG or PNG as it is', async () => {
    for (const format of ['jpeg', 'png'] as const) {
      const bytes = await photo(ID, { format });
      const r = await checkPhoto(bytes, { fix: false });
      expect(r).toMatchObject({ ok: true, fixed: false, message: '照片合格', photo: { format, width: 295, height: 413, size: bytes.length, background: 'red' } });
      if (r.ok) expect(r.photo.data.equals(bytes)).toBe(true);
    }
  });

  it('names a blue or white background', async () => {
    expect(await checkPhoto(await photo(ID, { background: 'blue' }), { fix: false })).toMatchObject({ ok: false, code: 'BACKGROUND', message: '照片底色是蓝底，应为红底' });
    expect(await checkPhoto(await photo(ID, { background: 'white' }), { fix: false })).toMatchObject({ ok: false, code: 'BACKGROUND', message: '照片底色是白底，应为红底' });
  });

  it('says the actual size when it is wrong, and fixes it only when asked', async () => {
    const big = await photo(ID, { width: 600, height: 840 });
    expect(await checkPhoto(big, { fix: false })).toMatchObject({ ok: false, code: 'SIZE', message: expect.stringContaining('照片尺寸是 600×840 像素，应为 295×413 像素') });
    const fixed = await checkPhoto(big, { fix: true });
    expect(fixed).toMatchObject({ ok: true, fixed: true, message: '照片合格（已从 600×840 自动调整为 295×413 像素）', photo: { format: 'jpeg', width: 295, height: 413 } });
    if (fixed.ok) expect(await sharp(fixed.photo.data).metadata()).toMatchObject({ format: 'jpeg', width: 295, height: 413 });
  });

  it('sees a transparent PNG as white, fixed or not', async () => {
    const transparent = (width: number, height: number) =>
      sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
        .png()
        .toBuffer();
    expect(await checkPhoto(await transparent(295, 413), { fix: false })).toMatchObject({ ok: false, code: 'BACKGROUND', message: '照片底色是白底，应为红底' });
    expect(await checkPhoto(await transparent(500, 700), { fix: true })).toMatchObject({ ok: false, code: 'BACKGROUND', message: '照片底色是白底，应为红底' });
  });

  it('the fix never changes the background: a blue photo stays refused', async () => {
    expect(await checkPhoto(await photo(ID, { background: 'blue', width: 413, height: 580 }), { fix: true })).toMatchObject({
      ok: false,
      code: 'BACKGROUND',
      message: '照片底色是蓝底，应为红底',
    });
  });

  it('refuses a renamed PDF, a file over 5 MB, a truncated JPEG, and a 20,000×20,000 PNG before decoding it', async () => {
    expect(await checkPhoto(renamedPdf(), { fix: true })).toMatchObject({ ok: false, code: 'NOT_IMAGE', message: expect.stringContaining('不是图片：文件内容是PDF 文档') });
    expect(await checkPhoto(await oversizedJpeg(ID), { fix: true })).toMatchObject({ ok: false, code: 'TOO_LARGE', message: '照片有 6.0 MB，超过 5 MB 的上限' });
    expect(await checkPhoto(await truncatedJpeg(ID), { fix: false })).toMatchObject({ ok: false, code: 'DECODE' });
    const bomb = hugePng();
    expect(bomb.length).toBeLessThan(300_000);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    expect(await checkPhoto(bomb, { fix: true })).toMatchObject({ ok: false, code: 'PIXELS', message: expect.stringContaining('20000×20000 像素') });
    // Decoding would take ~400 MB and seconds; the header alone takes neither.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    // The limit is sharp's own: it refuses the decode itself, not only our header check.
    await expect(sharp(bomb, { limitInputPixels: PIXEL_LIMIT }).raw().toBuffer()).rejects.toThrow(/pixel limit/);
  });

  it('refuses an animated PNG, and stores a photo carrying a cargo from its pixels alone, the same picture', async () => {
    const png = await photo(ID, { format: 'png' });
    expect(await checkPhoto(animated(png), { fix: true })).toMatchObject({ ok: false, code: 'ANIMATED', message: expect.stringContaining('照片是动画 PNG（APNG）') });

    // 1 MB of text in its chunks, or a ZIP appended after a JPEG's end: the picture is fine, the rest is not kept.
    const jpeg = await photo(ID);
    for (const [what, carrier, original] of [
      ['PNG text chunks', stuffed(png, 1024 * 1024), png],
      ['a file after the JPEG', Buffer.concat([jpeg, Buffer.alloc(2 * 1024 * 1024, 0x5a)]), jpeg],
    ] as const) {
      const check = await checkPhoto(carrier, { fix: false });
      if (!check.ok) throw new Error(`${what}: ${check.message}`);
      expect(check.message, what).toMatch(/^照片合格（已去掉文件中图像以外的约 \d+ KB 附加数据）$/);
      expect(check.photo.size, what).toBeLessThan(original.length * 1.5);
      expect(await pixelDistance(check.photo.data, original), what).toBeLessThan(2);
    }
    // A few KB of an editor's metadata is kept as it came, byte for byte.
    const tagged = stuffed(png, 2048);
    expect(await checkPhoto(tagged, { fix: false })).toMatchObject({ ok: true, message: '照片合格', photo: { data: tagged } });
  });
});
