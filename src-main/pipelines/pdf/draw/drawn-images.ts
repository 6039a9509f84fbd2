import { createHash } from 'node:crypto';
import { printablePhoto } from '../pdf-images';
import type { DrawnDocument } from './drawn-document';
import type { PdfKitImage } from './pdfkit-types';

/**
 * The photos of one drawn document: each checked (`printablePhoto`) and embedded once, however
 * often it is printed — a candidate in two sessions' sign-in sheets is one image in the PDF.
 */
export class DrawnImages {
  private readonly byHash = new Map<string, PdfKitImage | null>();
  /** Photos asked for that print as a placeholder (none, or not a usable JPEG/PNG). */
  missing = 0;

  constructor(private readonly doc: DrawnDocument) {}

  async photo(bytes: Uint8Array | null | undefined): Promise<PdfKitImage | null> {
    const image = await this.lookUp(bytes);
    if (!image) this.missing++;
    return image;
  }

  private async lookUp(bytes: Uint8Array | null | undefined): Promise<PdfKitImage | null> {
    if (!bytes || bytes.byteLength === 0) return null;
    const hash = createHash('sha1').update(bytes).digest('base64url');
    const known = this.byHash.get(hash);
    if (known !== undefined) return known;
    const printable = await printablePhoto(bytes);
    const image = printable ? this.doc.openImage(printable) : null;
    this.byHash.set(hash, image);
    return image;
  }
}
