import type { ApiClient } from '../../api/client';

/** Offers a file a job wrote (its `files[key]`) through the browser's or Electron's save dialog. */
export async function saveJobFile(api: ApiClient, jobId: string, key: string): Promise<void> {
  const ref = await api.call('jobs.file', { id: jobId, key });
  await api.saveFile(ref);
}
