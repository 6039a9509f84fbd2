import { Alert, Button, Descriptions, Flex, Table, Typography } from 'antd';
import type { NamedCertificate, SiteDetail } from '../../../src-shared/api/sites';
import { formatTime } from '../../ui/format';
import { SiteFilesField } from './SiteFilesField';

/** What the organisation has in hand: a submitted or decided site, read-only, its documents downloadable. */
function StatusNotice({ site }: { site: SiteDetail }) {
  switch (site.status) {
    case 'approved':
      return <Alert type="success" showIcon title="审核通过" description="可以在“考场管理”中为考试计划设置本站点的考场。" />;
    case 'borrowed':
      return <Alert type="warning" showIcon title="培训评价组织安排借考" description={site.borrowedText} />;
    default:
      return (
        <Alert
          type="info"
          showIcon
          title="已提交申报，等待培训评价组织审核；提交后不能修改。"
          description={site.sentAt ? `已于 ${formatTime(site.sentAt)} 报送平台。` : '尚未报送：请在“数据交换 → 生成数据包”中选择“考核站点申报”，把申报交给平台。'}
        />
      );
  }
}

export function SiteView({ site, onClose }: { site: SiteDetail; onClose: () => void }) {
  return (
    <Flex vertical gap={16}>
      <StatusNotice site={site} />
      <Descriptions bordered column={2} size="small" styles={{ label: { width: 110 } }}>
        <Descriptions.Item label="站点名称" span={2}>
          {site.name}
        </Descriptions.Item>
        <Descriptions.Item label="所在区域" span={2}>{`${site.province} ${site.city} ${site.district}`}</Descriptions.Item>
        <Descriptions.Item label="详细地址" span={2}>
          {site.address}
        </Descriptions.Item>
        <Descriptions.Item label="申报对象" span={2}>
          {site.orgName}
        </Descriptions.Item>
        <Descriptions.Item label="考点简介" span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{site.description}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label="联系人姓名">{site.contactName}</Descriptions.Item>
        <Descriptions.Item label="联系人手机">{site.contactPhone}</Descriptions.Item>
        <Descriptions.Item label="联系人邮箱">{site.contactEmail}</Descriptions.Item>
        <Descriptions.Item label="提交时间">{formatTime(site.submittedAt)}</Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Title level={5}>申报的证书</Typography.Title>
        <Table<NamedCertificate>
          size="small"
          rowKey={(c) => `${c.certificateCode}/${c.level}`}
          aria-label="申报的证书"
          pagination={false}
          dataSource={site.certificates}
          columns={[
            { title: '证书编号', dataIndex: 'certificateCode', width: 120 },
            { title: '证书名称', dataIndex: 'certificateName' },
            { title: '证书等级', dataIndex: 'level', width: 90 },
          ]}
        />
      </div>
      <div>
        <Typography.Title level={5}>其他佐证材料</Typography.Title>
        {site.files.length ? (
          <SiteFilesField value={site.files.map((f) => ({ key: `stored-${f.id}`, storedId: f.id, name: f.name, size: f.size, format: f.format }))} editable={false} />
        ) : (
          <Typography.Text type="secondary">未提供</Typography.Text>
        )}
      </div>
      <Flex justify="flex-end">
        <Button onClick={onClose}>关闭</Button>
      </Flex>
    </Flex>
  );
}
