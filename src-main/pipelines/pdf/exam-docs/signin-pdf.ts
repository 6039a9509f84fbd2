import { mm } from '../document-kit';
import { A4, writeDrawnPdf } from '../draw/drawn-document';
import { DrawnImages } from '../draw/drawn-images';
import type { PdfKitImage } from '../draw/pdfkit-types';
import { checkRoomSheet } from './check-input';
import { drawSignInSheet } from './signin-sheet';
import type { DataSource, ExamRoomSheet } from './types';

export interface SignInPdfResult {
  count: number;
  pages: number;
  /** Rows printed without a photo (none stored, or not a usable JPEG/PNG). */
  withoutPhoto: number;
}

export interface SignInPdfHooks {
  author: string;
  photos: boolean;
  /** After each room drawn: how many so far. */
  drawn?: (count: number) => void;
  /** Called before each room; throws to stop (nothing is left behind). */
  throwIfCancelled?: () => void;
}

/**
 * 考场签到表 of rooms as one PDF, drawn a room at a time as the source gives them, so a whole
 * plan's sheets never sit in memory at once: each room's pages start on a new page and are
 * numbered on their own.
 */
export async function writeSignInPdf(rooms: DataSource<ExamRoomSheet>, path: string, hooks: SignInPdfHooks): Promise<SignInPdfResult> {
  const result: SignInPdfResult = { count: 0, pages: 0, withoutPhoto: 0 };
  await writeDrawnPdf(path, { title: '考场签到表', author: hooks.author }, async (doc) => {
    const images = new DrawnImages(doc);
    for await (const room of rooms) {
      hooks.throwIfCancelled?.();
      checkRoomSheet(room, result.count);
      let photos: (PdfKitImage | null)[] | null = null;
      if (hooks.photos) {
        photos = [];
        for (const seat of room.seats) photos.push(await images.photo(seat.photo));
      }
      result.pages += drawSignInSheet(doc, room, photos);
      result.count++;
      hooks.drawn?.(result.count);
    }
    result.withoutPhoto = images.missing;
    if (result.count === 0) {
      doc.newPage();
      doc.textIn('没有要打印的考场。', 0, A4.width, mm(12) + 40, { size: 10 }, 'center');
      result.pages = 1;
    }
  });
  return result;
}
