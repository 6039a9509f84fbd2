/**
 * What a PNG's chunks say before any pixel is decoded: the size its IHDR declares (a bomb
 * declares 100,000×100,000 in a few hundred bytes), whether it is animated (APNG: an acTL chunk;
 * a viewer shows the first frame, a printer or the platform may show another) and how many bytes
 * of text it carries (tEXt/zTXt/iTXt: room to smuggle a megabyte past "it is only an image").
 */
export interface PngFacts {
  width: number;
  height: number;
  animated: boolean;
  /** Bytes of tEXt, zTXt and iTXt chunk data, all of them. */
  textBytes: number;
}

const TEXT_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt']);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Walks the chunks from the signature to IEND (or the end of the bytes); null when it is not a PNG
 * or its first chunk is not IHDR. A chunk that runs past the end stops the walk: the decoder then
 * says the file is damaged.
 */
export function pngFacts(bytes: Buffer): PngFacts | null {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  const facts: PngFacts = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), animated: false, textBytes: 0 };
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'acTL' || type === 'fcTL' || type === 'fdAT') facts.animated = true;
    if (TEXT_CHUNKS.has(type)) facts.textBytes += Math.min(length, bytes.length - at - 8);
    if (type === 'IEND') break;
    at += 12 + length;
  }
  return facts;
}
