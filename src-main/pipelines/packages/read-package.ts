import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { MANIFEST_FILE, manifestSchema, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, SIGNATURE_FILE, signatureSchema, type Manifest } from '../../../src-shared/domain/package';
import { isPackageKind, PACKAGE_KINDS, type PackageKind } from '../../../src-shared/domain/package-kinds';
import { AppError } from '../../../src-shared/errors';
import { hashFile } from '../hash-file';
import { walkZip } from '../zip/safe-zip';
import { parsePublicKey, verifyManifest } from './signing';

export interface PackageTrust {
  institutionCode: string;
  /** PEM public keys of the platform, from settings. */
  trustedKeys: string[];
  allowUnsigned: boolean;
  direction: 'in' | 'out';
}

/** A kind the reader accepts: where its payload is, its schema, and any rule beyond the schema. */
export interface PayloadSpec {
  label: string;
  file: string;
  payload: z.ZodType;
  /** A problem with the payload as a whole (a plan's weights, a time of issue after the package was made), or null. */
  validate?(payload: unknown, manifest: Manifest): string | null;
}

export type PayloadSpecs = ReadonlyMap<string, PayloadSpec>;

/** Every kind of one direction as PACKAGE_KINDS declares it, with the rules the caller adds. */
export function payloadSpecs(direction: 'in' | 'out', validators: Partial<Record<string, (payload: unknown, manifest: Manifest) => string | null>> = {}): PayloadSpecs {
  return new Map(
    (Object.keys(PACKAGE_KINDS) as PackageKind[])
      .filter((k) => PACKAGE_KINDS[k].direction === direction)
      .map((k) => {
        const { label, file, payload } = PACKAGE_KINDS[k];
        const validate = validators[k];
        return [k, validate ? { label, file, payload, validate } : { label, file, payload }];
      }),
  );
}

export type SignatureStatus = { status: 'verified'; keyId: string } | { status: 'unsigned' };

export interface VerifiedPackage {
  manifest: Manifest;
  fileHash: string;
  fileName: string;
  signature: SignatureStatus;
  payloads: Partial<Record<PackageKind, unknown>>;
  /** Listed, checked files that are not a kind's payload (xlsx, photo ZIPs). */
  extraFiles: Map<string, Buffer>;
}

const LIMITS = { maxEntries: 10_000, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024 };

/** An entry name as a message may show it: a ZIP allows 64 KB of any characters. */
function shownName(name: string): string {
  const plain = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return plain.length > 120 ? `${plain.slice(0, 120)}…` : plain;
}

function refuse(message: string, file: string, extra: Record<string, unknown> = {}): never {
  throw new AppError('BAD_FILE', message, { file, ...extra });
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A JSON file of the package, or a refusal in Chinese saying where it breaks (JSON.parse's own words are English and name no file). */
function parseJson(bytes: Buffer, file: string): unknown {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return refuse(`${file} 不是 UTF-8 编码的文本，数据包可能已损坏。`, file);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    return refuse(`${file} 不是合法的 JSON：${jsonFault(text, e instanceof Error ? e.message : '')}，数据包可能已损坏或被改动。`, file);
  }
}

/** Where JSON.parse stopped, as a person counts: line and column, the end of the file, or the character it did not expect. */
function jsonFault(text: string, message: string): string {
  if (text.trim() === '') return '文件是空的';
  if (/Unexpected end/.test(message)) return '内容在文件末尾意外结束';
  const at = /position (\d+)/.exec(message);
  if (at && Number(at[1]) < text.length) {
    const before = text.slice(0, Number(at[1]));
    return `第 ${before.split('\n').length} 行第 ${before.length - before.lastIndexOf('\n')} 列有语法错误`;
  }
  const token = /Unexpected token '(.+?)'/u.exec(message)?.[1];
  if (token) return `出现了不应有的字符“${/^[\p{L}\p{N}\p{P}\p{S}]$/u.test(token) ? token : `U+${token.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`}”`;
  return '有语法错误';
}

function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

function checkSchema<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  // A hostile key or value can make a path or message of megabytes: the refusal stays a sentence.
  const path = jsonPath(issue.path).slice(0, 200);
  return refuse(`${file} 的内容不符合格式：${path ? `${path}：` : ''}${issue.message.slice(0, 300)}`, file, { path });
}

/**
 * Opens and verifies a package completely before anything may use it: ZIP sanity, manifest,
 * format version, signature, institution, kinds (only those in `specs`: what the reader can use;
 * by default every kind of the direction, without the app's own rules — the app passes its own),
 * the exact file list, every checksum, and each payload against its schema and rules. A
 * refusal names the file (and the JSON path).
 */
export async function readPackage(path: string, fileName: string, trust: PackageTrust, specs: PayloadSpecs = payloadSpecs(trust.direction)): Promise<VerifiedPackage> {
  const entries = new Map<string, Buffer>();
  await walkZip(path, `数据包 ${fileName} `, LIMITS, async (entry) => {
    if (entry.isDirectory) return;
    if (entries.has(entry.name)) refuse(`数据包中“${shownName(entry.name)}”出现了两次。`, shownName(entry.name));
    entries.set(entry.name, await entry.read());
  });

  const manifestBytes = entries.get(MANIFEST_FILE) ?? refuse(`数据包缺少 ${MANIFEST_FILE}，不是考点助手数据包。`, MANIFEST_FILE);
  const raw = parseJson(manifestBytes, MANIFEST_FILE) as { format?: unknown; formatVersion?: unknown };
  if (raw?.format !== PACKAGE_FORMAT) refuse(`${MANIFEST_FILE} 不是考点助手数据包的清单（format 应为 ${PACKAGE_FORMAT}）。`, MANIFEST_FILE);
  if (typeof raw.formatVersion === 'number' && raw.formatVersion > PACKAGE_FORMAT_VERSION)
    throw new AppError('BAD_FILE', `数据包格式版本为 ${raw.formatVersion}，本程序只支持到 ${PACKAGE_FORMAT_VERSION}，请更新考点助手后再导入。`, {
      file: MANIFEST_FILE,
      formatVersion: raw.formatVersion,
    });
  const manifest = checkSchema(manifestSchema, raw, MANIFEST_FILE);

  const signature = checkSignature(entries, manifestBytes, trust);

  if (manifest.institutionCode !== trust.institutionCode)
    refuse(`这个数据包属于院校 ${manifest.institutionCode}，不是本院校（${trust.institutionCode}），已拒绝。`, MANIFEST_FILE, { institutionCode: manifest.institutionCode });
  if (new Set(manifest.kinds).size !== manifest.kinds.length) refuse(`${MANIFEST_FILE} 重复声明了数据类型。`, MANIFEST_FILE);
  for (const kind of manifest.kinds) {
    if (specs.has(kind)) continue;
    if (isPackageKind(kind) && PACKAGE_KINDS[kind].direction !== trust.direction)
      refuse(
        trust.direction === 'in' ? `“${PACKAGE_KINDS[kind].label}”是院校发往平台的数据，不能导入。` : `“${PACKAGE_KINDS[kind].label}”不是院校可以发出的数据。`,
        MANIFEST_FILE,
        { kind },
      );
    refuse(`数据包含有本版本不支持的数据类型 ${kind.slice(0, 80)}，请更新考点助手。`, MANIFEST_FILE, { kind: kind.slice(0, 80), unsupported: true });
  }

  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  if (listed.size !== manifest.files.length) refuse(`${MANIFEST_FILE} 重复列出了文件。`, MANIFEST_FILE);
  for (const f of manifest.files) if (!entries.has(f.path)) refuse(`清单列出的文件 ${f.path} 不在数据包中，数据包不完整。`, f.path);
  for (const name of entries.keys()) {
    if (name === MANIFEST_FILE || name === SIGNATURE_FILE) continue;
    if (!listed.has(name)) refuse(`数据包中多出了清单没有列出的文件 ${shownName(name)}，已拒绝。`, shownName(name));
  }
  const declaredFiles = new Set(manifest.kinds.map((k) => specs.get(k)!.file));
  for (const f of manifest.files) {
    if (declaredFiles.has(f.path)) continue;
    const owner = (Object.keys(PACKAGE_KINDS) as PackageKind[]).find((k) => PACKAGE_KINDS[k].file === f.path);
    // A payload the manifest does not declare would be carried along unchecked: never taken silently.
    if (owner) refuse(`数据包中的 ${f.path} 是“${PACKAGE_KINDS[owner].label}”的数据，但清单的 kinds 没有声明它，已拒绝。`, f.path);
    if (f.path.startsWith('payload/') || trust.direction === 'in') refuse(`数据包中的 ${f.path} 不属于清单声明的任何数据类型，已拒绝。`, f.path);
  }
  for (const f of manifest.files) {
    const bytes = entries.get(f.path)!;
    const sum = createHash('sha256').update(bytes).digest('hex');
    if (sum !== f.sha256 || bytes.length !== f.size) refuse(`文件 ${f.path} 的校验和与清单不符，数据包可能已被篡改或损坏。`, f.path);
  }

  const payloads: Partial<Record<PackageKind, unknown>> = {};
  const payloadFiles = new Set<string>();
  for (const kind of manifest.kinds as PackageKind[]) {
    const spec = specs.get(kind)!;
    payloadFiles.add(spec.file);
    if (!listed.has(spec.file)) refuse(`数据类型“${spec.label}”的文件 ${spec.file} 不在数据包中。`, spec.file);
    const payload = checkSchema(spec.payload, parseJson(entries.get(spec.file)!, spec.file), spec.file);
    const problem = spec.validate?.(payload, manifest);
    if (problem) refuse(`${problem}。`, spec.file);
    payloads[kind] = payload;
  }

  const extraFiles = new Map<string, Buffer>();
  for (const f of manifest.files) if (!payloadFiles.has(f.path)) extraFiles.set(f.path, entries.get(f.path)!);
  return { manifest, fileHash: await hashFile(path), fileName, signature, payloads, extraFiles };
}

function checkSignature(entries: Map<string, Buffer>, manifestBytes: Buffer, trust: PackageTrust): SignatureStatus {
  const sigBytes = entries.get(SIGNATURE_FILE);
  if (!sigBytes) {
    if (trust.allowUnsigned) return { status: 'unsigned' };
    return refuse('数据包没有签名，而设置要求只接受平台签名的数据包。', SIGNATURE_FILE);
  }
  const sig = checkSchema(signatureSchema, parseJson(sigBytes, SIGNATURE_FILE), SIGNATURE_FILE);
  const key = trust.trustedKeys.map(parsePublicKey).find((k) => k?.keyId === sig.keyId);
  if (!key) return refuse(`数据包由密钥 ${sig.keyId} 签名，它不在设置的平台公钥中，无法确认来源。`, SIGNATURE_FILE, { keyId: sig.keyId });
  if (!verifyManifest(manifestBytes, sig, key.key)) refuse('数据包的签名无效：清单在签名后被改动过，已拒绝。', SIGNATURE_FILE);
  return { status: 'verified', keyId: sig.keyId };
}
