import { ThunderboltOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Flex, Tag, Tooltip, Typography } from 'antd';
import type { ScheduleSummary } from '../../../src-shared/api/schedule';
import { useApi } from '../../api/hooks';
import { formatTime } from '../../ui/format';
import { PhaseTag } from '../catalog/PhaseTag';
import { SCHEDULE_QUERIES } from './schedule-queries';

const SOURCE_COLORS: Record<string, string> = { platform: 'green', draft: 'orange' };

/**
 * Whose schedule this is, first: the platform's (final), the site's own draft (with what it
 * could not seat), or none yet, with the button that builds the draft from the site's rooms.
 */
export function ScheduleStatus({ summary, staff }: { summary: ScheduleSummary; staff: boolean }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { message, modal } = AntApp.useApp();
  const draft = summary.source === 'draft';

  const build = () => {
    const run = async () => {
      try {
        const r = await api.call('schedule.draft', { planCode: summary.plan.code });
        await Promise.all(SCHEDULE_QUERIES.map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
        message.success(`已生成排考草稿：${r.sessions} 个场次，${r.rooms} 个考场安排，${r.seats} 个座位${r.shortfalls.length ? `；${r.shortfalls.length} 处座位不足` : ''}`);
      } catch (e) {
        message.error((e as Error).message);
      }
    };
    if (!draft) return void run();
    modal.confirm({
      title: '重新生成排考草稿？',
      content: '草稿按现在的考场和报考重新排座；已安排的监考老师在考场和场次仍在时保留。',
      okText: '重新生成',
      cancelText: '取消',
      onOk: run,
    });
  };

  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <Flex gap={12} align="center" wrap>
        <PhaseTag phase={summary.plan.phase} />
        <Tag color={summary.source ? SOURCE_COLORS[summary.source] : 'default'} style={{ fontSize: 14, padding: '2px 10px' }}>
          {summary.sourceLabel}
        </Tag>
        <Typography.Text type="secondary">
          {summary.source === 'platform' && `平台排考于 ${formatTime(summary.issuedAt)} 下发；`}
          {draft && `草稿生成于 ${formatTime(summary.updatedAt)}；`}
          {staff ? `报考 ${summary.enrolled} 人次，已排座 ${summary.seated} 个` : `您负责的考场共 ${summary.seated} 个座位`}
        </Typography.Text>
        {staff && summary.source !== 'platform' && (
          <Tooltip title={summary.draftBlocked ?? '按本校的考场和报考，用与平台相同的排考规则生成'}>
            <Button type={draft ? 'default' : 'primary'} icon={<ThunderboltOutlined />} onClick={build} disabled={!summary.canDraft}>
              {draft ? '重新生成草稿' : '生成排考草稿'}
            </Button>
          </Tooltip>
        )}
      </Flex>
      {draft && (
        <Alert
          type="warning"
          showIcon
          title="草稿：这是本校按自己的考场和报考排出的预排方案，不是平台的正式排考"
          description={
            <>
              <div>草稿没有准考证号；平台的排考数据包导入后，以平台排考为准，草稿随之作废。</div>
              {summary.stale && <div>生成草稿之后考场或报考有变化，请重新生成草稿。</div>}
              {summary.shortfalls.length > 0 && (
                <>
                  <div style={{ marginTop: 8 }}>
                    <Typography.Text strong>座位不足（{summary.shortfalls.length} 处）：</Typography.Text>
                  </div>
                  <ul aria-label="座位不足" style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                    {summary.shortfalls.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ul>
                </>
              )}
            </>
          }
        />
      )}
      {staff && summary.source === null && summary.draftBlocked && <Alert type="info" showIcon title="还不能生成排考草稿" description={summary.draftBlocked} />}
      {staff && summary.source === null && !summary.draftBlocked && (
        <Alert type="info" showIcon title="平台还没有下发排考" description="导入平台的排考数据包前，可以先生成草稿，看看本校的考场和座位是否够用。" />
      )}
    </Flex>
  );
}
