import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Flex, Form, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import type { RoomCopyReport, RoomPlanRow } from '../../../src-shared/api/sites';
import { useApi, useOp } from '../../api/hooks';
import { ROOM_QUERIES } from './site-status';

/** 考场沿用: an earlier plan's rooms into this one in one step, after a preview of what is added and what is skipped. */
export function RoomCopyModal({ plan, plans, onClose }: { plan: RoomPlanRow; plans: RoomPlanRow[]; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const sources = plans.filter((p) => p.code !== plan.code && p.roomCount > 0);
  const [from, setFrom] = useState<string | undefined>(sources[0]?.code);
  const preview = useOp('rooms.copyPreview', { from: from ?? '', to: plan.code }, { enabled: from !== undefined });
  const [busy, setBusy] = useState(false);
  const report = preview.data;

  const copy = async () => {
    if (!from) return;
    setBusy(true);
    try {
      const done = await api.call('rooms.copy', { from, to: plan.code });
      await Promise.all(ROOM_QUERIES.map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
      message.success(`已沿用 ${done.copied.length} 个考场${done.skipped.length ? `，跳过 ${done.skipped.length} 个` : ''}`);
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="沿用考场"
      width={720}
      okText={report ? `沿用 ${report.copied.length} 个考场` : '沿用'}
      okButtonProps={{ disabled: !report || report.copied.length === 0 }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void copy()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">考场信息没有变化时，可以把之前考试计划的考场设置复制到“{plan.name}”。同名的考场已经存在时跳过，不会覆盖。</Typography.Paragraph>
      {sources.length === 0 ? (
        <Alert type="info" showIcon title="还没有其他设置了考场的考试计划。" />
      ) : (
        <Flex vertical gap={12}>
          <Form layout="vertical">
            <Form.Item label="沿用哪个考试计划的考场" htmlFor="room-copy-from" style={{ marginBottom: 0 }}>
              <Select
                id="room-copy-from"
                value={from}
                onChange={setFrom}
                autoFocus
                options={sources.map((p) => ({ value: p.code, label: `${p.name}（${p.code}）· ${p.roomCount} 个考场` }))}
              />
            </Form.Item>
          </Form>
          {preview.error && <Alert type="error" showIcon title={preview.error.message} />}
          {report && <CopyPreview report={report} />}
        </Flex>
      )}
    </Modal>
  );
}

function CopyPreview({ report }: { report: RoomCopyReport }) {
  return (
    <>
      <Typography.Text strong>{`将沿用 ${report.copied.length} 个考场`}</Typography.Text>
      <Table
        size="small"
        rowKey={(r) => `${r.siteName}/${r.name}`}
        aria-label="将沿用的考场"
        pagination={false}
        dataSource={report.copied}
        locale={{ emptyText: '没有可以沿用的考场' }}
        columns={[
          { title: '站点', dataIndex: 'siteName' },
          { title: '考场名称', dataIndex: 'name', width: 140 },
          { title: '考场类型', dataIndex: 'type', width: 90 },
          { title: '座位数', dataIndex: 'seats', width: 80, align: 'right' },
        ]}
      />
      {report.skipped.length > 0 && (
        <>
          <Typography.Text strong>{`跳过 ${report.skipped.length} 个`}</Typography.Text>
          <Table
            size="small"
            rowKey={(r) => `${r.siteName}/${r.name}`}
            aria-label="跳过的考场"
            pagination={false}
            dataSource={report.skipped}
            columns={[
              { title: '站点', dataIndex: 'siteName' },
              { title: '考场名称', dataIndex: 'name', width: 140 },
              { title: '原因', dataIndex: 'reason', width: 200 },
            ]}
          />
        </>
      )}
    </>
  );
}
