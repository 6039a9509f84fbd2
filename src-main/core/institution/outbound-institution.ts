import type { institutionKinds } from '../../../src-shared/domain/institution-kinds';
import { AppError } from '../../../src-shared/errors';
import type { OutboundModules } from '../packages/kind-module';
import { readInstitution } from './institution-service';
import { listInstitutionMajors } from './majors-store';

/** 院校信息 as the platform's institution record, with its row in the summary sheet. */
export const institutionOutbound: OutboundModules<keyof typeof institutionKinds> = {
  institution: {
    build(store) {
      const inst = readInstitution(store);
      if (!inst) throw new AppError('STATE', '尚未完成首次设置。');
      const { updatedAt: _updatedAt, ...fields } = inst;
      const payload = { ...fields, majors: listInstitutionMajors(store).map(({ code, name, level }) => ({ code, name, level })) };
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
  },
};
