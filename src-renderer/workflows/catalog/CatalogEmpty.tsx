import { ImportOutlined } from '@ant-design/icons';
import { Button, Empty, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { roleAllowed, STAFF } from '../../../src-shared/roles';
import { useSession } from '../../app/session';

/**
 * What a catalog page shows before the platform's first package arrives: where the data
 * comes from and where to import it (staff), or whom to ask (invigilators).
 */
export function CatalogEmpty({ what }: { what: string }) {
  const { user } = useSession();
  const navigate = useNavigate();
  const canImport = roleAllowed(STAFF, user?.role);
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>还没有{what}。</Typography.Paragraph>
          <Typography.Text type="secondary">
            {what}由职业技能等级证书信息管理服务平台下发，
            {canImport ? '请在“数据交换 → 导入数据包”中导入平台的数据包。' : '请业务管理员在“数据交换 → 导入数据包”中导入平台的数据包。'}
          </Typography.Text>
        </>
      }
    >
      {canImport && (
        <Button type="primary" icon={<ImportOutlined />} onClick={() => void navigate('/packages/import')}>
          导入数据包
        </Button>
      )}
    </Empty>
  );
}

/** The table's empty text: still loading, nothing imported yet, or nothing matching the filters. */
export function emptyText(total: number | undefined, what: string) {
  if (total === undefined) return ' ';
  return total ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的记录" /> : <CatalogEmpty what={what} />;
}
