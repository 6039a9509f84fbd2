import type { CandidateRow } from '../../../src-shared/api/candidates';
import type { CandidateKind } from '../../../src-shared/domain/candidate';
import { formatTime } from '../../ui/format';
import type { VirtualColumn } from '../../ui/VirtualTable';
import { useSelected, useSelectionState, type Selection } from '../../ui/selection';
import { CandidatePhoto } from './CandidatePhoto';
import { RealnameCellTag } from './CandidateTags';

export interface ListColumn extends VirtualColumn<CandidateRow> {
  /** Always shown: the column chooser does not offer it. */
  fixed?: boolean;
  hiddenByDefault?: boolean;
}

const text = (v: string | number | null) => (v === null || v === '' ? <span style={{ color: 'var(--ant-color-text-quaternary)' }}>—</span> : v);
const isRealnameItem = (m: string) => m.includes('实名');

/** 实名 first, then what the record itself lacks (the real-name items are the first tag's business). */
function StatusTags({ row }: { row: CandidateRow }) {
  const lacks = row.missing.filter((m) => !isRealnameItem(m));
  return (
    <div className="vt-tags">
      <RealnameCellTag status={row.realnameStatus} reason={row.realnameReason} />
      {lacks.map((m) => (
        <span key={m} className="vt-tag" data-tone="orange">
          缺{m}
        </span>
      ))}
    </div>
  );
}

/** A row's box: it alone re-renders when its row is chosen (50,000 rows, a click each). */
function RowBox({ selection, row }: { selection: Selection; row: CandidateRow }) {
  const checked = useSelected(selection, row.id);
  return (
    <input
      type="checkbox"
      className="vt-check"
      checked={checked}
      disabled={selection.all}
      onChange={() => selection.toggle(row.id)}
      onClick={(e) => e.stopPropagation()}
      aria-label={`选择 ${row.name}`}
    />
  );
}

/** The header's box: every candidate of the view as filtered, resolved by the server. */
function AllBox({ selection }: { selection: Selection }) {
  const { all } = useSelectionState(selection);
  return (
    <input
      type="checkbox"
      className="vt-check"
      checked={all}
      onChange={() => (all ? selection.clear() : selection.selectAll())}
      aria-label="选择筛选出的全部考生"
      title="选择筛选出的全部考生"
    />
  );
}

/** The list's columns for a kind: 院校考生 have major, level and year; 社会考生 education and employer. */
export function listColumns(kind: CandidateKind, onEdit: (row: CandidateRow) => void, selection?: Selection): ListColumn[] {
  const own: ListColumn[] =
    kind === 'school'
      ? [
          { key: 'major', title: '就读专业', width: 140, grow: true, sortKey: 'major', render: (r) => text(r.major) },
          { key: 'majorLevel', title: '专业层次', width: 86, render: (r) => text(r.majorLevel) },
          { key: 'entryYear', title: '入学年份', width: 84, sortKey: 'entryYear', render: (r) => text(r.entryYear) },
        ]
      : [
          { key: 'education', title: '最高学历', width: 100, render: (r) => text(r.education) },
          { key: 'employer', title: '工作单位', width: 180, grow: true, render: (r) => text(r.employer) },
        ];
  const select: ListColumn[] = selection
    ? [{ key: 'select', title: '选择', width: 32, align: 'center', fixed: true, header: <AllBox selection={selection} />, render: (r) => <RowBox selection={selection} row={r} /> }]
    : [];
  return [
    ...select,
    { key: 'photo', title: '照片', width: 48, align: 'center', render: (r) => <CandidatePhoto id={r.id} hasPhoto={r.hasPhoto} name={r.name} width={24} delay={150} /> },
    { key: 'name', title: '姓名', width: 90, fixed: true, sortKey: 'name', render: (r) => r.name },
    { key: 'namePinyin', title: '姓名拼音', width: 120, sortKey: 'namePinyin', render: (r) => text(r.namePinyin) },
    { key: 'idNumber', title: '身份证号', width: 172, fixed: true, sortKey: 'idNumber', render: (r) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{r.idNumber}</span> },
    { key: 'phone', title: '手机号', width: 112, render: (r) => text(r.phone) },
    ...own,
    { key: 'status', title: '状态', width: 164, render: (r) => <StatusTags row={r} /> },
    { key: 'updatedAt', title: '更新时间', width: 160, sortKey: 'updatedAt', hiddenByDefault: true, render: (r) => formatTime(r.updatedAt) },
    {
      key: 'actions',
      title: '操作',
      width: 56,
      fixed: true,
      render: (r) => (
        <button type="button" className="vt-link" onClick={() => onEdit(r)} aria-label={`编辑 ${r.name}`}>
          编辑
        </button>
      ),
    },
  ];
}
