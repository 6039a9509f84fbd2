import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/**
 * A ZIP file as yauzl reads it, served from a few cached 1 MB windows with the next one read
 * ahead. Left to itself yauzl makes one small `fs.read` per directory record, per local header
 * and per stream chunk, each a job on the libuv threadpool; in a photo import those jobs queue
 * behind the sharp decodes that hold the pool's 4 threads, and the unzip of 10,000 photos alone
 * cost ~1.2 ms of CPU and several pool round trips per entry. Here the whole central directory
 * takes a read or two, and entry data comes in 1 MB reads started before they are needed.
 */
export const WINDOW_BYTES = 1024 * 1024;
/** The directory's window, the data window in use, the one read ahead, and one spare. */
const WINDOWS_KEPT = 4;

interface Window {
  start: number;
  length: number;
  data: Promise<Buffer>;
}

export class FileWindows extends yauzl.RandomAccessReader {
  readonly size: number;
  private readonly handle: FileHandle;
  /** Most recently used last. */
  private windows: Window[] = [];
  /** Reads in flight, so that closing waits for them instead of closing a file they still use. */
  private readonly pending = new Set<Promise<unknown>>();
  private closed = false;

  static async open(path: string): Promise<FileWindows> {
    const handle = await open(path, 'r');
    try {
      return new FileWindows(handle, (await handle.stat()).size);
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  private constructor(handle: FileHandle, size: number) {
    super();
    this.handle = handle;
    this.size = size;
  }

  /**
   * `length` bytes at `position`, or fewer at the end of the file (the caller decides whether
   * that is an error). The result may share memory with a cached window: copy what you keep.
   */
  async bytes(position: number, length: number): Promise<Buffer> {
    const end = Math.min(position + length, this.size);
    if (end <= position) return Buffer.alloc(0);
    // Bigger than a window (a spreadsheet's sheet, never a photo): read once, keep nothing.
    if (end - position > WINDOW_BYTES) return this.track(this.readAt(position, end - position));
    const parts: Buffer[] = [];
    let at = position;
    let window: Window;
    for (;;) {
      window = this.windowAt(at) ?? this.load(at);
      const data = await window.data;
      const stop = Math.min(end, window.start + data.length);
      if (stop <= at) break; // the file shrank under us: a short read, for the caller to refuse
      parts.push(data.subarray(at - window.start, stop - window.start));
      at = stop;
      if (at >= end) break;
    }
    // Past the middle of a window, the next one is read while this one is used up.
    const next = window.start + window.length;
    if (end > window.start + window.length / 2 && next < this.size && !this.windowAt(next)) this.load(next);
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  /** yauzl's directory and local-header reads, from the windows. */
  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null, bytesRead?: number) => void): void {
    this.bytes(position, length).then(
      (data) => {
        data.copy(buffer, offset);
        callback(null, data.length);
      },
      (e: Error) => callback(e),
    );
  }

  /** Only yauzl's own `openReadStream` uses this; safe-zip reads entry data through `bytes`. */
  override _readStreamForRange(start: number, end: number): Readable {
    return this.handle.createReadStream({ start, end: end - 1, autoClose: false });
  }

  /** Called by yauzl when the last reference goes (autoClose, or `zip.close()`). */
  override close(callback: (err: Error | null) => void): void {
    this.closed = true;
    this.windows = [];
    void Promise.allSettled([...this.pending])
      .then(() => this.handle.close())
      .then(
        () => callback(null),
        (e: Error) => callback(e),
      );
  }

  private windowAt(position: number): Window | undefined {
    const i = this.windows.findIndex((w) => position >= w.start && position < w.start + w.length);
    if (i < 0) return undefined;
    const [window] = this.windows.splice(i, 1);
    this.windows.push(window!);
    return window;
  }

  private load(start: number): Window {
    const length = Math.min(WINDOW_BYTES, this.size - start);
    const window: Window = { start, length, data: this.track(this.readAt(start, length)) };
    // A read ahead that fails is forgotten here; whoever needs those bytes reads them again.
    window.data.catch(() => {
      this.windows = this.windows.filter((w) => w !== window);
    });
    this.windows.push(window);
    if (this.windows.length > WINDOWS_KEPT) this.windows.shift();
    return window;
  }

  private async readAt(position: number, length: number): Promise<Buffer> {
    if (this.closed) throw new Error('closed');
    const buffer = Buffer.allocUnsafe(length);
    const { bytesRead } = await this.handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    const settled = () => this.pending.delete(promise);
    promise.then(settled, settled);
    return promise;
  }
}
