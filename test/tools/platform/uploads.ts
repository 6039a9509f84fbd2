import { createHash } from 'node:crypto';

/** One PUT that was taken (its start matched what the platform held). */
export interface UploadPut {
  start: number;
  /** Bytes of its body the platform kept: all of them, or fewer when the connection broke. */
  bytes: number;
  cut: boolean;
}

export interface UploadRecord {
  institution: string;
  sha256: string;
  total: number;
  /** Bytes held; a resumed upload adds only what was missing. */
  stored: number;
  puts: UploadPut[];
  state: 'partial' | 'complete' | 'refused';
  /** The package's kinds, once it is complete and verified. */
  kinds: string[];
  /** Why it was refused, in Chinese. */
  message?: string;
  /** The inbox id of the reply, when there was one. */
  replyId?: string;
}

interface Upload {
  record: UploadRecord;
  chunks: Buffer[];
  /** A PUT is in progress: a second one at the same time would interleave bytes. */
  busy: boolean;
}

/**
 * Resumable uploads held in memory, named by institution and the SHA-256 the client claims.
 * Bytes are kept as they arrive, so a connection that breaks mid-chunk loses nothing already
 * received and the client resumes from the offset a HEAD reports.
 */
export class Uploads {
  private readonly uploads = new Map<string, Upload>();
  /** Every upload ever started, refused ones included: what received() reports. */
  readonly history: UploadRecord[] = [];

  private key(institution: string, sha256: string): string {
    return `${institution}/${sha256}`;
  }

  get(institution: string, sha256: string): Upload | undefined {
    return this.uploads.get(this.key(institution, sha256));
  }

  open(institution: string, sha256: string, total: number): Upload {
    const existing = this.get(institution, sha256);
    if (existing) return existing;
    const record: UploadRecord = { institution, sha256, total, stored: 0, puts: [], state: 'partial', kinds: [] };
    const upload: Upload = { record, chunks: [], busy: false };
    this.uploads.set(this.key(institution, sha256), upload);
    this.history.push(record);
    return upload;
  }

  append(upload: Upload, put: UploadPut, chunk: Buffer): void {
    upload.chunks.push(chunk);
    upload.record.stored += chunk.length;
    put.bytes += chunk.length;
  }

  /** The whole file when every byte is there and its SHA-256 is the one it was named by. */
  assembled(upload: Upload): Buffer | 'mismatch' | null {
    if (upload.record.stored < upload.record.total) return null;
    const data = Buffer.concat(upload.chunks);
    return createHash('sha256').update(data).digest('hex') === upload.record.sha256 ? data : 'mismatch';
  }

  complete(upload: Upload, kinds: string[], replyId: string | undefined): void {
    upload.record.state = 'complete';
    upload.record.kinds = kinds;
    if (replyId) upload.record.replyId = replyId;
    // The bytes live on in the verified file; only the fact of completion is needed now.
    upload.chunks = [];
  }

  /** Forgets a refused upload: sending it again is refused again, never taken as already there. */
  refuse(upload: Upload, message: string): void {
    upload.record.state = 'refused';
    upload.record.message = message;
    this.uploads.delete(this.key(upload.record.institution, upload.record.sha256));
  }
}
