/**
 * Why a photo was taken or not, as the report, the CLI's `--json` and the tests name it. Stable:
 * scripts branch on these; the Chinese message beside each is for the person.
 */
export type PhotoCode =
  | 'OK'
  /** Not a JPEG or PNG by its content, whatever the file name says. */
  | 'NOT_IMAGE'
  | 'TOO_LARGE'
  /** Declares more pixels than we will ever decode (a decompression bomb). */
  | 'PIXELS'
  /** Not 295×413 (and the auto-fix was not asked for). */
  | 'SIZE'
  | 'BACKGROUND'
  /** An animated PNG (APNG): which frame a program shows is its own choice. */
  | 'ANIMATED'
  /** Looks like an image but sharp cannot decode it (truncated, corrupt). */
  | 'DECODE'
  /** Inside a ZIP: compressed far better than any photo can be — a zip bomb, never inflated. */
  | 'BOMB'
  | 'BAD_NAME'
  | 'NO_CANDIDATE'
  | 'DUPLICATE'
  /** The candidate has a photo already and the replacement was not confirmed. */
  | 'REPLACE_UNCONFIRMED'
  /** System clutter inside a ZIP (__MACOSX, Thumbs.db, desktop.ini, dot-files). */
  | 'IGNORED';
