import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Descriptions, Modal, Select, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { DutyPerson, StaffRow } from '../../../src-shared/api/schedule';
import { SCHEDULE_QUERIES } from './schedule-queries';

export interface DutyTarget {
  /** 监考 or 巡考. */
  kind: string;
  title: string;
  facts: { label: string; value: ReactNode }[];
  current: DutyPerson[];
  /** For a room: the plan's minimum, said under the picker. */
  minimum?: number;
  save: (staffIds: number[]) => Promise<unknown>;
}

/**
 * Who invigilates a room's sitting or patrols a site's: picked from the staff list. A person
 * already elsewhere at that time is refused by the server, and its message (naming both places)
 * stays in the dialog until the choice changes.
 */
export function DutyModal({ target, staff, onClose }: { target: DutyTarget; staff: StaffRow[]; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [ids, setIds] = useState<number[]>(target.current.map((p) => p.staffId));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await target.save(ids);
      await Promise.all(SCHEDULE_QUERIES.map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
      message.success(`已保存${target.kind}安排`);
      onClose();
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const short = target.minimum !== undefined && ids.length < target.minimum;
  return (
    <Modal open title={target.title} okText="保存" cancelText="取消" onOk={() => void save()} confirmLoading={busy} onCancel={onClose} destroyOnHidden width={620}>
      <Descriptions size="small" column={1} items={target.facts.map((f) => ({ key: f.label, label: f.label, children: f.value }))} style={{ marginBottom: 16 }} />
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <label htmlFor="duty-staff">{`${target.kind}老师`}</label>
      </Typography.Paragraph>
      <Select
        id="duty-staff"
        mode="multiple"
        value={ids}
        onChange={(v: number[]) => {
          setIds(v);
          setProblem(null);
        }}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="从监考人员名单中选择"
        style={{ width: '100%' }}
        options={staff.map((s) => ({ value: s.id, label: `${s.name}${s.department ? `（${s.department}）` : ''} ${s.phone}` }))}
        notFoundContent="监考人员名单是空的：请先在“监考人员”中添加老师"
      />
      {target.minimum !== undefined && (
        <Typography.Text type={short ? 'warning' : 'secondary'} style={{ display: 'block', marginTop: 4 }}>
          {`每个考场至少 ${target.minimum} 名监考老师${short ? `，还差 ${target.minimum - ids.length} 人` : ''}`}
        </Typography.Text>
      )}
      {problem && <Alert type="error" showIcon title="不能这样安排" description={problem} style={{ marginTop: 16 }} />}
    </Modal>
  );
}
