import type { PackageKind } from '../../../src-shared/domain/package';
import { AppError } from '../../../src-shared/errors';
import type { SummarySection } from '../../pipelines/xlsx/summary-sheet';
import type { Store } from '../../store/store';
import { readInstitution } from '../institution/institution-service';

export interface OutboundPart {
  payload: unknown;
  count: number;
  sheet: SummarySection;
  /** Files in the platform's own templates (xlsx, photo ZIPs), beside the JSON. */
  files?: { path: string; data: Buffer }[];
}

type Builder = (store: Store) => Promise<OutboundPart> | OutboundPart;

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
};
