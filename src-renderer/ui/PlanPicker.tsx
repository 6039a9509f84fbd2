import { Flex, Select, Typography } from 'antd';

interface Props {
  /** The select's id, for its label (and the tests that find it by label). */
  id: string;
  planCode: string | undefined;
  loading: boolean;
  onChange: (code: string) => void;
  /** Each plan with what this page says of it beside its name. */
  options: { value: string; label: string }[];
  notFoundContent: string;
  width?: number;
  marginBottom?: number;
}

/** 考试计划: the plan a per-plan page shows, picked by name or code. */
export function PlanPicker({ id, planCode, loading, onChange, options, notFoundContent, width = 560, marginBottom = 16 }: Props) {
  return (
    <Flex gap={8} align="center" style={{ marginBottom }}>
      <Typography.Text strong>
        <label htmlFor={id}>考试计划</label>
      </Typography.Text>
      <Select
        id={id}
        value={planCode}
        loading={loading}
        placeholder="请选择考试计划"
        onChange={onChange}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width }}
        options={options}
        notFoundContent={notFoundContent}
      />
    </Flex>
  );
}
