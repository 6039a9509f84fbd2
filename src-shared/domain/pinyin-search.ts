import { pinyinSyllables, plainPinyin } from './candidate';

/**
 * Finding a candidate by pinyin as coordinators type it: the whole reading or any part of it
 * (zhangwei, angwe), or the syllables' first letters (zw for 张伟, sxm for 孙小明), with ü typed
 * as v, ü or u: (lv, lü, lu: for 吕). The store keeps one search key per candidate, so a
 * keystroke tests one column with one LIKE.
 */

/**
 * The key stored with a candidate: the plain reading, a space, its initials ("lvbu lb"). The
 * space keeps a search, which never has one, from matching across the two.
 */
export function pinyinSearchKey(name: string, namePinyin: string): string {
  const syllables = pinyinSyllables(name, namePinyin).filter(Boolean);
  return syllables.length ? `${syllables.join('')} ${syllables.map((s) => s[0]).join('')}` : '';
}

/** What a search means as pinyin (plain letters), or null when it is not pinyin at all (Han characters, digits, other signs). */
export function pinyinSearchTerm(search: string): string | null {
  const term = plainPinyin(search);
  return /^[a-z]+$/.test(term) ? term : null;
}
