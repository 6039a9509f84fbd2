import type { ApiClient } from '../../api/client';

/** Offers a stored outbound package through the browser's (or Electron's) save dialog. */
export async function downloadPackage(api: ApiClient, historyId: number): Promise<void> {
  const ref = await api.call('packages.file', { id: historyId });
  await api.saveFile(ref);
}
