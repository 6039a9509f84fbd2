import { App as AntApp } from 'antd';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { useApi } from '../api/hooks';

/** Offers a file a job wrote (its `files[key]`) through the browser's or Electron's save dialog. */
export async function saveJobFile(api: ApiClient, jobId: string, key: string): Promise<void> {
  const ref = await api.call('jobs.file', { id: jobId, key });
  await api.saveFile(ref);
}

/** Opens a PDF a job wrote for printing (a new tab in the browser mode); `false` when the tab was blocked. */
export async function openJobFile(api: ApiClient, jobId: string, key: string): Promise<boolean> {
  const ref = await api.call('jobs.file', { id: jobId, key });
  return (await api.openFile(ref)).opened;
}

/** `saveJobFile` for a button: `saving` while it runs, a failure shown as a message. */
export function useJobFileSaver(): { saving: boolean; save: (jobId: string, key: string) => Promise<void> } {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);
  const save = async (jobId: string, key: string) => {
    setSaving(true);
    try {
      await saveJobFile(api, jobId, key);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return { saving, save };
}
