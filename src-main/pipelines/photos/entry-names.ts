import { checkIdNumber } from '../../../src-shared/domain/id-number';

/**
 * What a ZIP entry's name says about it: system clutter to ignore, a photo for an ID number
 * (`身份证号.jpg|.jpeg|.png` in any folder, any extension case), or a name that breaks the rule.
 */
export type EntryVerdict = { kind: 'ignored'; message: string } | { kind: 'photo'; id: string } | { kind: 'bad'; message: string };

const PHOTO_NAME = /^(.*)\.(jpe?g|png)$/i;

export function judgeEntryName(path: string, today?: string): EntryVerdict {
  const segments = path.split('/').filter(Boolean);
  const base = segments.at(-1) ?? path;
  if (segments.includes('__MACOSX')) return { kind: 'ignored', message: 'macOS 压缩时附带的资源文件，已忽略' };
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'ignored', message: '隐藏文件（以“.”开头），已忽略' };
  if (base.toLowerCase() === 'thumbs.db') return { kind: 'ignored', message: 'Windows 生成的缩略图缓存，已忽略' };
  if (base.toLowerCase() === 'desktop.ini') return { kind: 'ignored', message: 'Windows 的文件夹设置文件，已忽略' };

  const match = PHOTO_NAME.exec(base);
  if (!match) return { kind: 'bad', message: `只接受 .jpg、.jpeg 或 .png 照片，文件名应为“身份证号.jpg”，“${base}”不符合` };
  const checked = checkIdNumber(match[1]!, today);
  if (!checked.ok) return { kind: 'bad', message: `文件名应为“身份证号.jpg”，“${match[1]}”不是有效的身份证号（${checked.problem.message}）` };
  return { kind: 'photo', id: checked.value };
}
