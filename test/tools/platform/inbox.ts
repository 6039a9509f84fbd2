import type { WrittenPackage } from '../../../src-main/pipelines/packages/write-package';

import type { InboxItem } from '../../../src-main/pipelines/platform/platform-client';

export type { InboxItem };

export interface InboxEntry extends InboxItem {
  institution: string;
  path: string;
}

export function toItem({ id, sequence, sha256, size, kinds }: InboxEntry): InboxItem {
  return { id, sequence, sha256, size, kinds };
}

/**
 * What the platform holds for each institution. Nothing is taken out when downloaded: the
 * app skips what it already imported (by hash), so listing everything is harmless and lets a
 * site that lost a package fetch it again.
 */
export class Inbox {
  private readonly entries = new Map<string, InboxEntry[]>();

  /** Whether anything was ever issued to the institution. */
  has(institution: string): boolean {
    return (this.entries.get(institution)?.length ?? 0) > 0;
  }

  add(institution: string, written: WrittenPackage): InboxEntry {
    const entry: InboxEntry = {
      id: `${institution}-${written.manifest.sequence}-${written.fileHash.slice(0, 12)}`,
      sequence: written.manifest.sequence,
      sha256: written.fileHash,
      size: written.size,
      kinds: written.manifest.kinds,
      institution,
      path: written.path,
    };
    const list = this.entries.get(institution) ?? [];
    list.push(entry);
    list.sort((a, b) => a.sequence - b.sequence);
    this.entries.set(institution, list);
    return entry;
  }

  list(institution: string): InboxItem[] {
    return (this.entries.get(institution) ?? []).map(toItem);
  }

  find(institution: string, id: string): InboxEntry | undefined {
    return this.entries.get(institution)?.find((e) => e.id === id);
  }
}
