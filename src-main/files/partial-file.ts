import { renameSync, rmSync } from 'node:fs';

/**
 * Writes `path` through `path.partial`, renamed to the real name only once `write` has finished:
 * a failure or a cancel half-way leaves neither half a file under the real name nor the .partial.
 */
export async function writeThroughPartial<T>(path: string, write: (partial: string) => Promise<T>): Promise<T> {
  const partial = `${path}.partial`;
  try {
    const result = await write(partial);
    renameSync(partial, path);
    return result;
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
}

/** writeThroughPartial for a file written in one synchronous step. */
export function writeThroughPartialSync(path: string, write: (partial: string) => void): void {
  const partial = `${path}.partial`;
  try {
    write(partial);
    renameSync(partial, path);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
}
