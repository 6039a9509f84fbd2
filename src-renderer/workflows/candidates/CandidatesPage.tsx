import { CameraOutlined, EditOutlined, ImportOutlined, PlusOutlined, SolutionOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { CandidateFilter, CandidateRow } from '../../../src-shared/api/candidates';
import { CANDIDATE_KIND_LABELS, CANDIDATE_KINDS, type CandidateKind } from '../../../src-shared/domain/candidate';
import { useOp } from '../../api/hooks';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { useSelection, useSelectionState, type Selection } from '../../ui/selection';
import { VirtualTable, type SortOrder } from '../../ui/VirtualTable';
import { EnrollDialog } from '../enrollments/EnrollDialog';
import { CandidateDrawer } from './CandidateDrawer';
import { CandidateFilters } from './CandidateFilters';
import { ColumnChooser, useColumnChoice } from './ColumnChooser';
import { ExportButton } from './ExportButton';
import { kindQuery, useKindParam } from './kind-param';
import { listColumns } from './list-columns';
import { useCandidateWindow, usePrefetchView, type CandidateSort } from './use-candidate-window';

type Editing = { candidate: CandidateRow | null } | null;

const DEFAULT_SORT = { key: 'updatedAt' as CandidateSort, order: 'desc' as SortOrder };

/**
 * 考生名单 (the manual's 2.2.4): 院校考生 and 社会考生, each a virtualized list of every record,
 * searched and filtered on the server, with the imports one click away.
 */
export function CandidatesPage() {
  const navigate = useNavigate();
  const [kind, setKind] = useKindParam();
  const summary = useOp('candidates.summary', {});
  const [filters, setFilters] = useState<Record<CandidateKind, CandidateFilter>>({ school: { kind: 'school' }, social: { kind: 'social' } });
  const [sorts, setSorts] = useState<Record<CandidateKind, typeof DEFAULT_SORT>>({ school: DEFAULT_SORT, social: DEFAULT_SORT });
  const [editing, setEditing] = useState<Editing>(null);
  const selection = useSelection();

  const filter = filters[kind];
  const sort = sorts[kind];
  const view = { filter, sort: sort.key, order: sort.order };
  const rows = useCandidateWindow(view);
  const prefetch = usePrefetchView();
  const changeFilter = (f: CandidateFilter) => {
    prefetch({ ...view, filter: f });
    // "All of the view" meant the old filter's rows: a new filter starts the choice again.
    if (selection.all) selection.clear();
    setFilters((all) => ({ ...all, [kind]: f }));
  };
  // Stable between renders, so the table's rows re-render only when their own data changes.
  const columns = useMemo(() => listColumns(kind, (candidate) => setEditing({ candidate }), selection), [kind, selection]);
  const choice = useColumnChoice(`candidates.${kind}`, columns);
  const total = rows.total;
  const filtered = Object.keys(filter).length > 1;

  return (
    <>
      <PageHeader
        title="考生名单"
        description="考生信息只需导入一次，不论考几次试。信息完整、有照片并通过实名认证的考生才能报考。"
        extra={
          <Space wrap>
            <Button icon={<ImportOutlined />} onClick={() => void navigate(`/candidates/import${kindQuery(kind)}`)}>
              批量导入
            </Button>
            <Button icon={<EditOutlined />} onClick={() => void navigate(`/candidates/update${kindQuery(kind)}`)}>
              批量修改
            </Button>
            <Button icon={<CameraOutlined />} onClick={() => void navigate('/candidates/photos')}>
              导入照片
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ candidate: null })}>
              新增考生
            </Button>
          </Space>
        }
      />
      <Tabs
        activeKey={kind}
        onChange={(k) => {
          selection.clear();
          setKind(k as CandidateKind);
        }}
        items={CANDIDATE_KINDS.map((k) => ({
          key: k,
          label: `${CANDIDATE_KIND_LABELS[k]}${summary.data ? `（${summary.data[k].total}）` : ''}`,
        }))}
        tabBarExtraContent={
          <Flex gap={8} align="center">
            <Typography.Text type="secondary" aria-live="polite" data-testid="candidate-count">
              {total === undefined ? '读取中…' : rows.stale ? '筛选中…' : filtered ? `筛选出 ${total} 名` : `共 ${total} 名`}
            </Typography.Text>
            <ColumnChooser columns={columns} hidden={choice.hidden} onChange={choice.setHidden} />
            <ExportButton filter={filter} sort={{ sort: sort.key, order: sort.order }} label="导出当前视图" />
          </Flex>
        }
      />
      <QueryError error={rows.error} />
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <CandidateFilters key={kind} filter={filter} busy={rows.loading} onChange={changeFilter} />
        <SelectionBar selection={selection} filter={filter} total={total ?? 0} />
      </Flex>
      <VirtualTable<CandidateRow>
        label={`${CANDIDATE_KIND_LABELS[kind]}名单`}
        columns={choice.visible}
        count={total ?? 0}
        rowAt={rows.rowAt}
        rowKey={(r) => r.id}
        onRangeChange={rows.onRangeChange}
        loading={rows.loading}
        height="max(360px, calc(100vh - 340px))"
        sort={sort}
        onSort={(key, order) => setSorts((all) => ({ ...all, [kind]: { key: key as CandidateSort, order } }))}
        onOpen={(candidate) => setEditing({ candidate })}
        onToggle={(candidate) => selection.toggle(candidate.id)}
        resetKey={JSON.stringify(view)}
        empty={<Empty kind={kind} filtered={filtered} />}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
        ↑ ↓ 选择考生，空格勾选，回车打开编辑；点击列名排序。勾选考生后可以批量报考。
      </Typography.Text>
      {editing && <CandidateDrawer key={editing.candidate?.id ?? 'new'} kind={kind} candidate={editing.candidate} onClose={() => setEditing(null)} />}
    </>
  );
}

/** What is chosen, and 报考 for it: the ids ticked, or every candidate of the view as filtered. */
function SelectionBar({ selection, filter, total }: { selection: Selection; filter: CandidateFilter; total: number }) {
  const { count, all } = useSelectionState(selection);
  const [enrolling, setEnrolling] = useState(false);
  const chosen = all ? total : count;
  return (
    <Flex gap={8} align="center">
      <Typography.Text type="secondary" aria-live="polite" data-testid="candidate-selection">
        {all ? `已选择筛选出的全部 ${total} 名` : count ? `已选择 ${count} 名` : '未选择考生'}
      </Typography.Text>
      {(all || count > 0) && (
        <Button size="small" onClick={() => selection.clear()}>
          清除选择
        </Button>
      )}
      <Button type="primary" icon={<SolutionOutlined />} disabled={chosen === 0} onClick={() => setEnrolling(true)}>
        报考
      </Button>
      {enrolling && (
        <EnrollDialog
          count={chosen}
          candidates={all ? { filter } : { ids: selection.ids as number[] }}
          onClose={() => setEnrolling(false)}
          onDone={() => {
            setEnrolling(false);
            selection.clear();
          }}
        />
      )}
    </Flex>
  );
}

function Empty({ kind, filtered }: { kind: CandidateKind; filtered: boolean }) {
  const navigate = useNavigate();
  if (filtered) return <Typography.Text type="secondary">没有符合筛选条件的考生。</Typography.Text>;
  return (
    <Flex vertical align="center" gap={12}>
      <Typography.Text type="secondary">还没有{CANDIDATE_KIND_LABELS[kind]}。先下载模板填好考生信息，再批量导入。</Typography.Text>
      <Button type="primary" icon={<ImportOutlined />} onClick={() => void navigate(`/candidates/import${kindQuery(kind)}`)}>
        批量导入
      </Button>
    </Flex>
  );
}
