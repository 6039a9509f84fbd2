/**
 * 签名章 (the manual's 3.1): the principal's seal, a PNG without background, square, about
 * 95×95, at most 1 MB — and the rules it is checked by, each with its own message.
 */
export const SEAL_RULES = {
  maxBytes: 1024 * 1024,
  recommendedSide: 95,
  /** Past this a PNG is not a seal image (and would take much memory to decode). */
  maxSide: 2000,
  /** The outermost ring of pixels may be at most this opaque (0–255): anti-aliasing, not a background. */
  borderAlphaMax: 16,
  /** Text chunks (tEXt/zTXt/iTXt) in all: an editor's metadata takes a few KB; more is cargo, not a seal. */
  maxTextBytes: 64 * 1024,
} as const;

/** Why a seal image was refused; one code per rule. */
export type SealProblemCode = 'TOO_LARGE' | 'NOT_PNG' | 'DECODE' | 'TOO_MANY_PIXELS' | 'ANIMATED' | 'TEXT_CHUNKS' | 'NO_ALPHA' | 'NOT_SQUARE' | 'BORDER_OPAQUE' | 'EMPTY';

export interface SealProblem {
  code: SealProblemCode;
  message: string;
}

/** The rules as the upload page lists them. */
export const SEAL_RULE_TEXT = [
  'PNG 格式的静态图片、不得为动画（按文件内容判断，不看扩展名）',
  '无底色：图片带透明通道，四周边缘透明',
  '正方形，建议 95×95 像素',
  '大小不超过 1 MB',
] as const;
