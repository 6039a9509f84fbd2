import { Alert } from 'antd';
import { Link } from 'react-router';
import { useOp } from '../../api/hooks';
import { useSession } from '../../app/session';

/** 完善院校基础信息 first: what is missing, and where to complete it (or whom to ask). */
export function ProfileAlert() {
  const profile = useOp('institution.profile', {});
  const { user } = useSession();
  const problems = profile.data?.problems ?? [];
  if (!problems.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title="申报前请先完善院校基础信息"
      description={
        <>
          还缺：{problems.join('、')}。{' '}
          {user?.role === 'principal' ? (
            <Link to="/institution">去完善院校信息</Link>
          ) : (
            <>
              院校信息由试点院校负责人填写；开设专业可在 <Link to="/institution">院校信息</Link> 中添加。
            </>
          )}
        </>
      }
    />
  );
}
