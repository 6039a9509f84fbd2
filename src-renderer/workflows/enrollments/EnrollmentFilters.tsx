import { SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input } from 'antd';
import { useState } from 'react';
import type { EnrollmentFilter } from '../../../src-shared/api/enrollments';
import { CANDIDATE_KIND_LABELS, CANDIDATE_KINDS } from '../../../src-shared/domain/candidate';
import { CERT_LEVELS } from '../../../src-shared/domain/catalog';
import { useOp } from '../../api/hooks';
import { cleanFilter, FilterSelect, YesNoSelect } from '../../ui/FilterSelect';
import { useSearchAsTyped } from '../../ui/use-search-as-typed';

/**
 * The list's filters: plan, certificate, level, subject, paid, kind, major and entry year — the
 * choices are what enrollments hold — and a search by name, pinyin or ID number. There is no 班级:
 * candidates carry none (the platform's template has no class column).
 */
export function EnrollmentFilters({ filter, busy, onChange }: { filter: EnrollmentFilter; busy: boolean; onChange: (f: EnrollmentFilter) => void }) {
  const facets = useOp('enrollments.facets', {});
  const [text, setText] = useState(filter.search ?? '');
  const composition = useSearchAsTyped(text, filter.search ?? '', busy, (search) => onChange(cleanFilter({ ...filter, search })));
  const set = (patch: Partial<EnrollmentFilter>) => onChange(cleanFilter({ ...filter, ...patch }));
  const f = facets.data;
  const certificate = f?.certificates.find((c) => c.code === filter.certificateCode);
  const subjects = (f?.subjects ?? []).filter((s) => (!filter.certificateCode || s.certificateCode === filter.certificateCode) && (!filter.level || s.level === filter.level));

  return (
    <Flex gap={8} wrap align="center">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder="姓名/拼音/身份证号"
        aria-label="搜索报考"
        value={text}
        onChange={(e) => setText(e.target.value)}
        {...composition}
        onPressEnter={() => set({ search: text.trim() })}
        style={{ width: 200 }}
        maxLength={60}
      />
      <FilterSelect
        label="考试计划"
        width={220}
        searchable
        value={filter.planCode}
        onChange={(v) => set({ planCode: v })}
        options={f?.plans.map((p) => ({ value: p.code, label: p.name }))}
      />
      <FilterSelect
        label="证书"
        width={200}
        searchable
        value={filter.certificateCode}
        onChange={(v) => set({ certificateCode: v, subjectCode: undefined })}
        options={f?.certificates.map((c) => ({ value: c.code, label: c.name }))}
      />
      <FilterSelect<NonNullable<EnrollmentFilter['level']>>
        label="证书等级"
        placeholder="等级"
        width={84}
        value={filter.level}
        onChange={(v) => set({ level: v, subjectCode: undefined })}
        options={CERT_LEVELS.filter((l) => !certificate || certificate.levels.includes(l)).map((l) => ({ value: l, label: l }))}
      />
      <FilterSelect
        label="考试科目"
        placeholder="科目"
        width={170}
        searchable
        value={filter.subjectCode}
        onChange={(v) => set({ subjectCode: v })}
        options={subjects.map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }))}
      />
      <YesNoSelect label="缴费状态" placeholder="缴费" yes="已缴费" no="未缴费" width={92} value={filter.paid} onChange={(v) => set({ paid: v })} />
      <FilterSelect<NonNullable<EnrollmentFilter['kind']>>
        label="考生类别"
        placeholder="类别"
        width={100}
        value={filter.kind}
        onChange={(v) => set({ kind: v })}
        options={CANDIDATE_KINDS.map((k) => ({ value: k, label: CANDIDATE_KIND_LABELS[k] }))}
      />
      <FilterSelect label="专业" width={140} searchable value={filter.major} onChange={(v) => set({ major: v })} options={f?.majors.map((m) => ({ value: m, label: m }))} />
      <FilterSelect
        label="入学年份"
        width={100}
        value={filter.entryYear}
        onChange={(v) => set({ entryYear: v })}
        options={f?.entryYears.map((y) => ({ value: y, label: String(y) }))}
      />
      {Object.keys(filter).length > 0 && (
        <Button
          type="link"
          onClick={() => {
            setText('');
            onChange({});
          }}
        >
          清除筛选
        </Button>
      )}
    </Flex>
  );
}
