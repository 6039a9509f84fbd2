import { SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input } from 'antd';
import { useState } from 'react';
import type { CandidateFilter } from '../../../src-shared/api/candidates';
import { REALNAME_LABELS, REALNAME_STATUSES, type RealnameStatus } from '../../../src-shared/domain/candidate';
import { useOp } from '../../api/hooks';
import { cleanFilter, FilterSelect, YesNoSelect } from '../../ui/FilterSelect';
import { useSearchAsTyped } from '../../ui/use-search-as-typed';

/**
 * Search (as typed, see `useSearchAsTyped`; `busy` while the list is fetching) and the filters of
 * the candidate list; the choices for major, level and year are what this kind's candidates
 * actually hold.
 */
export function CandidateFilters({ filter, busy, onChange }: { filter: CandidateFilter; busy: boolean; onChange: (f: CandidateFilter) => void }) {
  const facets = useOp('candidates.facets', { kind: filter.kind });
  const [text, setText] = useState(filter.search ?? '');
  const composition = useSearchAsTyped(text, filter.search ?? '', busy, (search) => onChange(cleanFilter({ ...filter, search })));

  const set = (patch: Partial<CandidateFilter>) => onChange(cleanFilter({ ...filter, ...patch }));
  const options = <V extends string | number>(xs: V[] | undefined) => (xs ?? []).map((x) => ({ value: x, label: String(x) }));
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
          <FilterSelect label="专业" width={140} searchable value={filter.major} onChange={(v) => set({ major: v })} options={options(facets.data?.majors)} />
          <FilterSelect
            label="专业层次"
            placeholder="层次"
            width={100}
            value={filter.majorLevel}
            onChange={(v) => set({ majorLevel: v })}
            options={options(facets.data?.majorLevels)}
          />
          <FilterSelect label="入学年份" width={100} value={filter.entryYear} onChange={(v) => set({ entryYear: v })} options={options(facets.data?.entryYears)} />
        </>
      )}
      <YesNoSelect label="照片" yes="有照片" no="无照片" width={96} value={filter.hasPhoto} onChange={(v) => set({ hasPhoto: v })} />
      <FilterSelect<RealnameStatus>
        label="实名状态"
        width={110}
        value={filter.realnameStatus}
        onChange={(v) => set({ realnameStatus: v })}
        options={REALNAME_STATUSES.map((s) => ({ value: s, label: REALNAME_LABELS[s] }))}
      />
      <YesNoSelect label="完整性" yes="信息完整" no="信息不完整" width={110} value={filter.complete} onChange={(v) => set({ complete: v })} />
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
