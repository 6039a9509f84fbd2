import { SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import type { EnrollmentFilter } from '../../../src-shared/api/enrollments';
import { CANDIDATE_KIND_LABELS, CANDIDATE_KINDS } from '../../../src-shared/domain/candidate';
import { useOp } from '../../api/hooks';
import { useSearchAsTyped } from '../candidates/use-search-as-typed';

/** Drops the filters left empty, so the query key (and the server's WHERE) holds only what is set. */
function clean(f: EnrollmentFilter): EnrollmentFilter {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as EnrollmentFilter;
}

/**
 * The list's filters: plan, certificate, level, subject, paid, kind, major and entry year — the
 * choices are what enrollments hold — and a search by name, pinyin or ID number. There is no 班级:
 * candidates carry none (the platform's template has no class column).
 */
export function EnrollmentFilters({ filter, busy, onChange }: { filter: EnrollmentFilter; busy: boolean; onChange: (f: EnrollmentFilter) => void }) {
  const facets = useOp('enrollments.facets', {});
  const [text, setText] = useState(filter.search ?? '');
  const composition = useSearchAsTyped(text, filter.search ?? '', busy, (search) => onChange(clean({ ...filter, search })));
  const set = (patch: Partial<EnrollmentFilter>) => onChange(clean({ ...filter, ...patch }));
  const f = facets.data;
  const certificate = f?.certificates.find((c) => c.code === filter.certificateCode);
  const subjects = (f?.subjects ?? []).filter((s) => (!filter.certificateCode || s.certificateCode === filter.certificateCode) && (!filter.level || s.level === filter.level));
  const select = { allowClear: true, showSearch: { optionFilterProp: 'label' as const } };

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
      <Select
        {...select}
        placeholder="考试计划"
        aria-label="考试计划"
        style={{ width: 220 }}
        value={filter.planCode}
        onChange={(v?: string) => set({ planCode: v })}
        options={f?.plans.map((p) => ({ value: p.code, label: p.name }))}
      />
      <Select
        {...select}
        placeholder="证书"
        aria-label="证书"
        style={{ width: 200 }}
        value={filter.certificateCode}
        onChange={(v?: string) => set({ certificateCode: v, subjectCode: undefined })}
        options={f?.certificates.map((c) => ({ value: c.code, label: c.name }))}
      />
      <Select
        allowClear
        placeholder="等级"
        aria-label="证书等级"
        style={{ width: 84 }}
        value={filter.level}
        onChange={(v?: EnrollmentFilter['level']) => set({ level: v, subjectCode: undefined })}
        options={(certificate?.levels ?? ['初级', '中级', '高级']).map((l) => ({ value: l, label: l }))}
      />
      <Select
        {...select}
        placeholder="科目"
        aria-label="考试科目"
        style={{ width: 170 }}
        value={filter.subjectCode}
        onChange={(v?: string) => set({ subjectCode: v })}
        options={subjects.map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }))}
      />
      <Select
        allowClear
        placeholder="缴费"
        aria-label="缴费状态"
        style={{ width: 92 }}
        value={filter.paid === undefined ? undefined : filter.paid ? 'yes' : 'no'}
        onChange={(v?: string) => set({ paid: v === undefined ? undefined : v === 'yes' })}
        options={[
          { value: 'yes', label: '已缴费' },
          { value: 'no', label: '未缴费' },
        ]}
      />
      <Select
        allowClear
        placeholder="类别"
        aria-label="考生类别"
        style={{ width: 100 }}
        value={filter.kind}
        onChange={(v?: EnrollmentFilter['kind']) => set({ kind: v })}
        options={CANDIDATE_KINDS.map((k) => ({ value: k, label: CANDIDATE_KIND_LABELS[k] }))}
      />
      <Select
        {...select}
        placeholder="专业"
        aria-label="专业"
        style={{ width: 140 }}
        value={filter.major}
        onChange={(v?: string) => set({ major: v })}
        options={f?.majors.map((m) => ({ value: m, label: m }))}
      />
      <Select
        allowClear
        placeholder="入学年份"
        aria-label="入学年份"
        style={{ width: 100 }}
        value={filter.entryYear}
        onChange={(v?: number) => set({ entryYear: v })}
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
