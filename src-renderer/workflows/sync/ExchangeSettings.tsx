import { DeleteOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Flex, Form, Input, Switch, Typography } from 'antd';
import { useMemo } from 'react';
import { settingsSchema, type Settings } from '../../../src-shared/api/settings';
import type { AppError } from '../../../src-shared/errors';
import { useOp, useOpMutation } from '../../api/hooks';
import { fieldErrors } from '../../ui/format';
import { useUnsavedForm } from '../../ui/use-unsaved-guard';
import { KeyFileButton } from './KeyFileButton';
import { pemToDer, platformKeyProblem } from './platform-key';
import { useKeyId } from './use-key-id';

type ExchangeForm = Pick<Settings, 'platformPublicKeys' | 'allowUnsignedPackages' | 'onlineExchange' | 'platformUrl' | 'platformCaPem'>;

const keyRule = {
  validator: async (_: unknown, v?: string) => {
    const problem = platformKeyProblem(v ?? '');
    if (problem) throw new Error(problem);
  },
};

const urlRule = ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
  validator: async (_: unknown, v?: string) => {
    const text = (v ?? '').trim();
    if (!text) {
      if (getFieldValue('onlineExchange')) throw new Error('开启在线交换需要填写平台地址');
      return;
    }
    const r = settingsSchema.shape.platformUrl.safeParse(text);
    if (!r.success) throw new Error(r.error.issues[0]?.message ?? '平台地址不正确');
  },
});

const caRule = {
  validator: async (_: unknown, v?: string) => {
    const text = (v ?? '').trim();
    if (text && !/^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/.test(text)) throw new Error('CA 证书应为 PEM 格式（-----BEGIN CERTIFICATE-----…）');
  },
};

function KeyIdLine({ name }: { name: number }) {
  const keyId = useKeyId(Form.useWatch(['platformPublicKeys', name]) as string | undefined);
  return (
    <Typography.Text type="secondary">
      <KeyOutlined /> 平台公钥 {name + 1}
      {keyId && <>（密钥编号 {keyId}）</>}
    </Typography.Text>
  );
}

/** 设置 → 数据交换: whom to trust (the platform's keys), whether to accept unsigned packages, and online exchange. */
export function ExchangeSettings() {
  const settings = useOp('settings.get', {});
  if (!settings.data) return <Card loading />;
  return <ExchangeSettingsForm settings={settings.data} />;
}

function ExchangeSettingsForm({ settings }: { settings: Settings }) {
  const { message } = AntApp.useApp();
  const update = useOpMutation('settings.update', { invalidates: ['settings.get'] });
  const [form] = Form.useForm<ExchangeForm>();
  const allowUnsigned = Form.useWatch('allowUnsignedPackages', form);
  const online = Form.useWatch('onlineExchange', form);
  const { platformPublicKeys, allowUnsignedPackages, onlineExchange, platformUrl, platformCaPem } = settings;
  const initial = useMemo(
    () => ({ platformPublicKeys, allowUnsignedPackages, onlineExchange, platformUrl, platformCaPem }),
    [platformPublicKeys, allowUnsignedPackages, onlineExchange, platformUrl, platformCaPem],
  );
  const { markSaved } = useUnsavedForm(form, initial);

  const addFromFile = (pem: string, fileName: string, add: (value: string) => void) => {
    const keys = (form.getFieldValue('platformPublicKeys') ?? []) as (string | undefined)[];
    const body = (k: string | undefined) => (pemToDer(k ?? '') ?? []).join(',');
    if (keys.some((k) => body(k) === body(pem))) return message.info(`${fileName} 中的公钥已在列表中`);
    // An empty entry the person added for pasting takes the key, rather than staying behind to fail the save.
    const blank = keys.findIndex((k) => !k?.trim());
    if (blank >= 0) form.setFieldValue(['platformPublicKeys', blank], pem);
    else add(pem);
    message.success(`已从 ${fileName} 读入平台公钥，请点击“保存”`);
  };

  const submit = async (v: ExchangeForm) => {
    try {
      await update.mutateAsync({
        platformPublicKeys: (v.platformPublicKeys ?? []).map((k) => k.trim()),
        allowUnsignedPackages: v.allowUnsignedPackages,
        onlineExchange: v.onlineExchange,
        platformUrl: (v.platformUrl ?? '').trim(),
        platformCaPem: (v.platformCaPem ?? '').trim(),
      });
      markSaved();
      message.success('数据交换设置已保存');
    } catch (e) {
      const fields = fieldErrors((e as AppError).details).map((f) => ({ ...f, name: f.name.map((p) => (/^\d+$/.test(String(p)) ? Number(p) : p)) }));
      if (fields.length) form.setFields(fields as never);
      else message.error((e as Error).message);
    }
  };

  return (
    <Card style={{ maxWidth: 760 }}>
      <Form<ExchangeForm> form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          平台公钥
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          平台下发的数据包带有 Ed25519 签名。把平台提供的公钥（PEM 文本，以 -----BEGIN PUBLIC KEY----- 开头）粘贴在这里，或选择平台提供的 .pem
          文件，导入时用它核对数据包确实来自平台、没有被改动。平台换钥期间可以同时保存新旧两把。
        </Typography.Paragraph>
        <Form.List name="platformPublicKeys">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} style={{ marginBottom: 8 }}>
                  <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
                    <KeyIdLine name={f.name} />
                    <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={`删除平台公钥 ${f.name + 1}`}>
                      删除
                    </Button>
                  </Flex>
                  <Form.Item name={f.name} rules={[keyRule]} style={{ marginBottom: 8 }}>
                    <Input.TextArea
                      rows={4}
                      spellCheck={false}
                      placeholder={'-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----'}
                      style={{ fontFamily: 'monospace', fontSize: 12 }}
                      aria-label={`平台公钥 ${f.name + 1}`}
                    />
                  </Form.Item>
                </div>
              ))}
              {fields.length === 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="还没有平台公钥：带签名的数据包无法验证，将被拒绝。" />}
              <Flex gap={8} style={{ marginBottom: 24 }}>
                <Button icon={<PlusOutlined />} onClick={() => add('')} disabled={fields.length >= 10}>
                  添加平台公钥
                </Button>
                <KeyFileButton disabled={fields.length >= 10} onKey={(pem, fileName) => addFromFile(pem, fileName, add)} />
              </Flex>
            </>
          )}
        </Form.List>

        <Form.Item label="接受未签名的数据包" name="allowUnsignedPackages" valuePropName="checked" extra="关闭时，只有平台签名的数据包可以导入。">
          <Switch />
        </Form.Item>
        {allowUnsigned && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: -8, marginBottom: 24 }}
            title="未签名的数据包无法证明来自平台"
            description="开启后，任何人制作的数据包都能导入并改写证书目录和考试计划。只在平台尚未提供公钥、且数据包来源可靠时临时开启，用完请关闭。"
          />
        )}

        <Typography.Title level={5}>在线交换</Typography.Title>
        <Form.Item
          label="启用在线交换"
          name="onlineExchange"
          valuePropName="checked"
          extra="开启后，“交换记录”中出现“在线交换”按钮：上传待发送的数据包，并取回平台的新数据包，与 U 盘交换的效果完全相同。"
        >
          <Switch />
        </Form.Item>
        <Form.Item label="平台地址" name="platformUrl" dependencies={['onlineExchange']} rules={[urlRule]}>
          <Input placeholder="https://" autoComplete="off" disabled={!online} />
        </Form.Item>
        <Form.Item label="平台 CA 证书" name="platformCaPem" rules={[caRule]} extra="平台使用的证书不在本机信任列表中时才需要填写（PEM 格式）。">
          <Input.TextArea
            rows={4}
            spellCheck={false}
            placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'}
            style={{ fontFamily: 'monospace', fontSize: 12 }}
            disabled={!online}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
