import { z } from 'zod';
import { empty, op } from './contract';
import { institutionFields, type Institution } from '../domain/institution';
import { institutionMajorSchema, type InstitutionMajor } from '../domain/institution-majors';
import { PRINCIPAL_ONLY, STAFF } from '../roles';

/** 完善院校基础信息: the institution, its majors, and what the platform still needs before a declaration. */
export interface InstitutionProfile {
  institution: Institution;
  majors: InstitutionMajor[];
  /** Missing pieces in words (院校类型, 联系邮箱, 开设专业…); empty when complete. */
  problems: string[];
}

/** The code identifies the institution in every package, so it is fixed after first run. */
export const institutionUpdateInput = institutionFields.omit({ code: true }).strict();

export const institutionOps = {
  'institution.get': op<Institution>()({ input: empty, access: 'user', summary: '院校信息' }),
  'institution.update': op<Institution>()({ input: institutionUpdateInput, access: PRINCIPAL_ONLY, mutates: true, summary: '修改院校信息' }),
  'institution.profile': op<InstitutionProfile>()({ input: empty, access: 'user', summary: '院校基础信息' }),
  'majors.save': op<InstitutionMajor[]>()({ input: institutionMajorSchema, access: STAFF, mutates: true, summary: '保存开设专业' }),
  'majors.delete': op<InstitutionMajor[]>()({ input: z.object({ code: z.string().trim().min(1).max(20) }).strict(), access: STAFF, mutates: true, summary: '删除开设专业' }),
};
