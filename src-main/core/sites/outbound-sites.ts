import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CertLevel } from '../../../src-shared/domain/catalog';
import { SITE_FILES_DIR, type RoomsPayload, type SiteDeclarationPayload } from '../../../src-shared/domain/site-kinds';
import { AppError } from '../../../src-shared/errors';
import { describeSize } from '../../pipelines/zip/safe-zip';
import type { OutboundModules, OutboundPart } from '../packages/kind-module';
import { loadRooms } from './room-store';
import { loadPlan } from './rooms-service';
import { loadSites, markSitesSent, siteFileData } from './site-store';
import { catalogNames } from './sites-service';

// A package is read within 200 MB in all (docs/package-format.md): the documents stay below, with room for the rest.
const MAX_DOCUMENT_BYTES = 150 * 1024 * 1024;

/**
 * 考核站点申报: every site submitted and not yet decided, with its documents as files of the
 * package (site-files/<site>/<file>.<format>, listed with their SHA-256 like every file). A site
 * is marked sent with the package's history row, so a review can only answer what was sent.
 */
export const siteOutbound: OutboundModules<'site-declaration' | 'rooms'> = {
  'site-declaration': {
    build(store, ctx): OutboundPart<'site-declaration'> {
      const waiting = loadSites(store, { statuses: ['submitted'] }).sort((a, b) => a.id - b.id);
      if (!waiting.length) throw new AppError('STATE', '没有已提交、等待审核的考核站点：请先在“申报考点”中提交申报。');
      const bytes = waiting.reduce((sum, s) => sum + s.files.reduce((n, f) => n + f.size, 0), 0);
      if (bytes > MAX_DOCUMENT_BYTES)
        throw new AppError('TOO_LARGE', `待报送站点的佐证材料共 ${describeSize(bytes)}，超过一个数据包 ${describeSize(MAX_DOCUMENT_BYTES)} 的上限；请精简佐证材料后再生成。`);
      const names = catalogNames(store);
      mkdirSync(ctx.workDir, { recursive: true });
      const files: NonNullable<OutboundPart<'site-declaration'>['files']> = [];
      const sites: SiteDeclarationPayload['sites'] = waiting.map((s) => ({
        id: s.id,
        name: s.name,
        province: s.province,
        city: s.city,
        district: s.district,
        address: s.address,
        orgCode: s.orgCode,
        orgName: names.orgs.get(s.orgCode) ?? s.orgCode,
        certificates: s.certificates.map((c) => ({ code: c.certificateCode, name: names.certs.get(c.certificateCode)?.name ?? c.certificateCode, level: c.level as CertLevel })),
        description: s.description,
        contactName: s.contactName,
        contactPhone: s.contactPhone,
        contactEmail: s.contactEmail,
        files: s.files.map((f) => {
          const path = `${SITE_FILES_DIR}/${s.id}/${f.id}.${f.format}`;
          // Written to the scratch folder one at a time: the documents are never all held in memory.
          const onDisk = join(ctx.workDir, `${f.id}.${f.format}`);
          writeFileSync(onDisk, siteFileData(store, f.id)!.data);
          files.push({ path, file: onDisk });
          return { name: f.name, format: f.format, size: f.size, sha256: f.sha256, path };
        }),
        submittedAt: s.submittedAt!,
      }));
      return {
        payload: { sites },
        count: sites.length,
        files,
        sheet: {
          title: '考核站点申报',
          columns: ['站点编号', '站点名称', '所在区域', '详细地址', '申报对象', '申报的证书', '联系人', '联系人手机', '联系人邮箱', '佐证材料', '提交时间'],
          rows: sites.map((s) => [
            s.id,
            s.name,
            `${s.province}${s.city}${s.district}`,
            s.address,
            s.orgName,
            s.certificates.map((c) => `${c.name}（${c.level}）`).join('、'),
            s.contactName,
            s.contactPhone,
            s.contactEmail,
            s.files.map((f) => f.name).join('、'),
            s.submittedAt,
          ]),
        },
      };
    },
    onSent(store, part, now) {
      markSitesSent(
        store,
        part.payload.sites.map((s) => s.id),
        now.toISOString(),
      );
    },
  },

  /** 考场信息: the rooms of every plan that has rooms (rooms stay editable; the platform takes the latest). */
  rooms: {
    build(store): OutboundPart<'rooms'> {
      const all = loadRooms(store);
      if (!all.length) throw new AppError('STATE', '还没有设置考场：请先在“考场管理”中为考试计划设置考场。');
      const names = catalogNames(store);
      const sites = new Map(loadSites(store).map((s) => [s.id, s.name]));
      const plans = new Map([...new Set(all.map((r) => r.planCode))].map((code) => [code, loadPlan(store, code).name]));
      const rooms: RoomsPayload['rooms'] = all.map(({ id: _id, certificates, ...room }) => ({
        ...room,
        planName: plans.get(room.planCode)!,
        siteName: sites.get(room.siteId) ?? String(room.siteId),
        certificates: certificates.map((c) => ({ code: c.certificateCode, level: c.level })),
      }));
      return {
        payload: { rooms },
        count: rooms.length,
        sheet: {
          title: '考场信息',
          columns: ['考试计划', '站点名称', '考场名称', '考场类型', '考场座位数', '考场地址', '考试的证书'],
          rows: all.map((r, i) => [
            `${rooms[i]!.planName}（${r.planCode}）`,
            rooms[i]!.siteName,
            r.name,
            r.type,
            r.seats,
            `${r.province}${r.city}${r.district}${r.address}`,
            r.certificates.length ? r.certificates.map((c) => `${names.certs.get(c.certificateCode)?.name ?? c.certificateCode}（${c.level}）`).join('、') : '本站点获批的全部证书',
          ]),
        },
      };
    },
  },
};
