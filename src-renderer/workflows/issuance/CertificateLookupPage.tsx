import { FilePdfOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { CertificateView } from '../../../src-shared/api/issuance';
import { useApi } from '../../api/hooks';
import { useSession } from '../../app/session';
import { PageHeader } from '../../ui/PageHeader';
import { PdfJobModal } from '../../ui/PdfJobModal';

interface LookupForm {
  number: string;
  idNumber: string;
}

/**
 * 证书查验: a certificate by its number and its holder's ID number, both typed in full. A wrong
 * pair says only 未查到. The electronic certificate carries the seal: the principal's to open.
 */
export function CertificateLookupPage() {
  const api = useApi();
  const { user } = useSession();
  const [form] = Form.useForm<LookupForm>();
  const [found, setFound] = useState<{ view: CertificateView; asked: LookupForm } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [opening, setOpening] = useState(false);
  const principal = user?.role === 'principal';

  const lookup = async (v: LookupForm) => {
    setBusy(true);
    setError(null);
    setFound(null);
    try {
      const asked = { number: v.number.trim(), idNumber: v.idNumber.trim().toUpperCase() };
      setFound({ view: await api.call('certificates.lookup', asked), asked });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const startPdf = useCallback(() => api.call('certificates.pdf', found!.asked), [api, found]);

  return (
    <>
      <PageHeader title="证书查验" description="按证书编号和身份证号查验培训评价组织发放的职业技能等级证书，两者都须相符。" />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Form<LookupForm> form={form} layout="inline" onFinish={lookup} disabled={busy}>
            <Form.Item name="number" label="证书编号" rules={[{ required: true, whitespace: true, message: '请输入证书编号' }]}>
              <Input style={{ width: 260 }} autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="idNumber"
              label="身份证号"
              rules={[
                { required: true, message: '请输入身份证号' },
                { pattern: /^\s*\d{17}[\dXx]\s*$/, message: '身份证号应为 18 位（最后一位可为 X）' },
              ]}
            >
              <Input style={{ width: 220 }} autoComplete="off" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={busy}>
                查验
              </Button>
            </Form.Item>
          </Form>
        </Card>
        {error && <Alert type="warning" showIcon title={error} role="alert" />}
        {found && (
          <Card
            title="证书信息"
            extra={
              principal ? (
                <Button type="primary" icon={<FilePdfOutlined />} onClick={() => setOpening(true)}>
                  查看电子证书
                </Button>
              ) : (
                <Typography.Text type="secondary">电子证书加盖负责人签名章，仅试点院校负责人可查看</Typography.Text>
              )
            }
          >
            <Descriptions
              column={2}
              bordered
              size="middle"
              items={[
                { key: 'number', label: '证书编号', children: found.view.number },
                { key: 'name', label: '姓名', children: found.view.name },
                { key: 'id', label: '身份证号', children: found.view.idNumber },
                { key: 'cert', label: '证书名称', children: found.view.certificateName },
                { key: 'level', label: '证书等级', children: found.view.level },
                { key: 'org', label: '培训评价组织', children: found.view.orgName },
                { key: 'on', label: '发证日期', children: found.view.issuedOn },
                { key: 'plan', label: '考试计划', children: found.view.planName },
              ]}
            />
          </Card>
        )}
      </Space>
      {opening && found && <PdfJobModal title={`电子证书 ${found.view.number}`} start={startPdf} onClose={() => setOpening(false)} />}
    </>
  );
}
