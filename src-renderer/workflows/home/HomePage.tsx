import { Card, Col, Descriptions, Row, Statistic, Typography } from 'antd';
import { Link, Navigate } from 'react-router';
import { ROLE_LABELS } from '../../../src-shared/roles';
import { useOp } from '../../api/hooks';
import { useMenuPages } from '../../app/page-meta';
import { useSession } from '../../app/session';
import { PageHeader } from '../../ui/PageHeader';
import { PlansCard } from '../catalog/PlansCard';
import { YearBoardCard } from './YearBoardCard';

export function HomePage() {
  const { user } = useSession();
  // On exam day the invigilator has one job: the day's rooms are its landing page.
  if (user?.role === 'invigilator') return <Navigate to="/exam-day" replace />;
  return <Workbench />;
}

function Workbench() {
  const { user, info } = useSession();
  const institution = useOp('institution.get', {});
  const shortcuts = useMenuPages().filter((p) => p.path !== '/');

  return (
    <>
      <PageHeader title={`您好，${user?.displayName}`} description={`${ROLE_LABELS[user!.role]} · ${info?.institution?.name ?? ''}`} />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <YearBoardCard />
        </Col>
        <Col xs={24} lg={14}>
          <Card title="本院校" loading={institution.isPending}>
            {institution.data && (
              <Descriptions column={1} size="small">
                <Descriptions.Item label="院校代码">{institution.data.code}</Descriptions.Item>
                <Descriptions.Item label="院校名称">{institution.data.name}</Descriptions.Item>
                <Descriptions.Item label="所在地区">{`${institution.data.province} ${institution.data.city} ${institution.data.district}`}</Descriptions.Item>
                <Descriptions.Item label="联系人">{institution.data.contactName ?? '—'}</Descriptions.Item>
              </Descriptions>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="数据">
            <Statistic title="数据结构版本" value={info?.schemaVersion ?? 0} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              数据保存在本机：{info?.dataDir}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col span={24}>
          <PlansCard />
        </Col>
        <Col span={24}>
          <Card title="常用功能">
            <Row gutter={[12, 12]}>
              {shortcuts.map((p) => (
                <Col key={p.path} xs={12} md={6}>
                  <Link to={p.path}>
                    <Card size="small" hoverable>
                      <p.icon aria-hidden /> <span style={{ marginLeft: 8 }}>{p.label}</span>
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
    </>
  );
}
