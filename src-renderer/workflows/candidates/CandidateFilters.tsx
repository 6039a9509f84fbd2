import { SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import type { CandidateFilter } from '../../../src-shared/api/candidates';
import { REALNAME_LABELS, REALNAME_STATUSES, type RealnameStatus } from '../../../src-shared/domain/candidate';
import { useOp } from '../../api/hooks';
import { useSearchAsTyped } from './use-search-as-typed';

const yesNo = (v: boolean | undefined) => (v === undefined ? undefined : v ? 'yes' : 'no');
const fromYesNo = (v: string | undefined) => (v === undefined ? undefined : v === 'yes');

/** Drops the filters left empty, so the query key (and the server's WHERE) holds only what is set. */
function clean(f: CandidateFilter): CandidateFilter {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as CandidateFilter;
}

/**
 * Search (as typed, see `useSearchAsTyped`; `busy` while the list is fetching) and the filters of
 * the candidate list; the choices for major, level and year are what this kind's candidates
 * actually hold.
 */
export function CandidateFilters({ filter, busy, onChange }: { filter: CandidateFilter; busy: boolean; onChange: (f: CandidateFilter) => void }) {
  const facets = useOp('candidates.facets', { kind: filter.kind });
  const [text, setText] = useState(filter.search ?? '');
  const composition = useSearchAsTyped(text, filter.search ?? '', busy, (search) => onChange(clean({ ...filter, search })));

  const set = (patch: Partial<CandidateFilter>) => onChange(clean({ ...filter, ...patch }));
  const options = (xs: (string | number)[] | undefined) => (xs ?? []).map((x) => ({ value: x, label: String(x) }));
  const anySet = Object.keys(filter).some((k) => k !== 'kind');

  return (
    <Flex gap={8} wrap align="center">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder="姓名/拼音/首字母/证件号/手机号"
        aria-label="搜索考生"
        value={text}
        onChange={(e) => setText(e.target.value)}
        {...composition}
        onPressEnter={() => set({ search: text.trim() })}
        style={{ width: 280 }}
        maxLength={60}
      />
      {filter.kind === 'school' && (
        <>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="专业"
            aria-label="专业"
            style={{ width: 140 }}
            value={filter.major}
            onChange={(v?: string) => set({ major: v })}
            options={options(facets.data?.majors)}
          />
          <Select
            allowClear
            placeholder="层次"
            aria-label="专业层次"
            style={{ width: 100 }}
            value={filter.majorLevel}
            onChange={(v?: string) => set({ majorLevel: v })}
            options={options(facets.data?.majorLevels)}
          />
          <Select
            allowClear
            placeholder="入学年份"
            aria-label="入学年份"
            style={{ width: 100 }}
            value={filter.entryYear}
            onChange={(v?: number) => set({ entryYear: v })}
            options={options(facets.data?.entryYears)}
          />
        </>
      )}
      <Select
        allowClear
        placeholder="照片"
        aria-label="照片"
        style={{ width: 96 }}
        value={yesNo(filter.hasPhoto)}
        onChange={(v?: string) => set({ hasPhoto: fromYesNo(v) })}
        options={[
          { value: 'yes', label: '有照片' },
          { value: 'no', label: '无照片' },
        ]}
      />
      <Select
        allowClear
        placeholder="实名状态"
        aria-label="实名状态"
        style={{ width: 110 }}
        value={filter.realnameStatus}
        onChange={(v?: RealnameStatus) => set({ realnameStatus: v })}
        options={REALNAME_STATUSES.map((s) => ({ value: s, label: REALNAME_LABELS[s] }))}
      />
      <Select
        allowClear
        placeholder="完整性"
        aria-label="完整性"
        style={{ width: 110 }}
        value={yesNo(filter.complete)}
        onChange={(v?: string) => set({ complete: fromYesNo(v) })}
        options={[
          { value: 'yes', label: '信息完整' },
          { value: 'no', label: '信息不完整' },
        ]}
      />
      {anySet && (
        <Button
          type="link"
          onClick={() => {
            setText('');
            onChange({ kind: filter.kind });
          }}
        >
          清除筛选
        </Button>
      )}
    </Flex>
  );
}
