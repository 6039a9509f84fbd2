import type { PackageKind } from '../../../src-shared/domain/package';
import { AppError } from '../../../src-shared/errors';
import type { ExtraFile } from '../../pipelines/packages/write-package';
import type { SummarySection } from '../../pipelines/xlsx/summary-sheet';
import { candidatesOutbound } from '../candidates/outbound-candidates';
import type { Store } from '../../store/store';
import { readInstitution } from '../institution/institution-service';

export interface OutboundPart {
  payload: unknown;
  count: number;
  sheet: SummarySection;
  /** Files in the platform's own templates (xlsx, photo ZIPs), beside the JSON. */
  files?: ExtraFile[];
}

export interface ExportOptions {
  /** 考生信息: send candidates who cannot enroll yet too. */
  includeIncomplete?: boolean;
}

export interface OutboundContext {
  options: ExportOptions;
  /** A scratch folder for this export's files, removed afterwards. */
  workDir: string;
  progress(phase: string, done: number, total: number): void;
}

type Builder = (store: Store, ctx: OutboundContext) => Promise<OutboundPart> | OutboundPart;

/** How each outbound kind is read from the store. Later capabilities add theirs. */
export const OUTBOUND: Partial<Record<PackageKind, Builder>> = {
  institution: (store) => {
    const inst = readInstitution(store);
    if (!inst) throw new AppError('STATE', '尚未完成首次设置。');
    const { updatedAt: _updatedAt, ...payload } = inst;
    return {
      payload,
      count: 1,
      sheet: {
        title: '院校信息',
        columns: ['院校代码', '院校名称', '省', '市', '区县', '详细地址', '联系人', '联系电话', '联系邮箱'],
        rows: [[inst.code, inst.name, inst.province, inst.city, inst.district, inst.address, inst.contactName, inst.contactPhone, inst.contactEmail]],
      },
    };
  },
  candidates: candidatesOutbound,
};
