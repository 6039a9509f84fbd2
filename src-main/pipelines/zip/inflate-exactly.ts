import { inflateRaw, inflateRawSync } from 'node:zlib';

/**
 * Entries up to this compressed size are inflated on the calling thread. For a photo (~20 KB,
 * ~50 µs) a threadpool job would cost more than the inflate, and would wait behind the sharp
 * decodes holding the pool; bigger entries (spreadsheet sheets, package payloads) go to the
 * pool so the event loop never stalls on them.
 */
const INLINE_BYTES = 256 * 1024;

/** The data inflates to more or fewer bytes than the ZIP's directory declared. */
export class SizeMismatch extends Error {}

/**
 * Raw deflate data that must come to exactly `expected` bytes. zlib gives up one chunk past
 * `expected` (its `maxOutputLength`), so data that lies about its size — a zip bomb — is never
 * held in memory beyond what its directory entry declared.
 */
export async function inflateExactly(compressed: Buffer, expected: number): Promise<Buffer> {
  const options = { maxOutputLength: Math.max(1, expected) };
  let out: Buffer;
  try {
    out =
      compressed.length <= INLINE_BYTES
        ? inflateRawSync(compressed, options)
        : await new Promise<Buffer>((resolve, reject) => inflateRaw(compressed, options, (e, b) => (e ? reject(e) : resolve(b))));
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new SizeMismatch(`more than ${expected} bytes`);
    throw e;
  }
  if (out.length !== expected) throw new SizeMismatch(`${out.length} bytes, not ${expected}`);
  return out;
}

/**
 * The most input a deflate stream of `size` bytes can need, with room to spare: stored blocks
 * add 5 bytes per 64 KB, and fixed-Huffman blocks at worst 1/8.
 */
export function deflateBound(size: number): number {
  return size + Math.ceil(size / 4) + 1024;
}
