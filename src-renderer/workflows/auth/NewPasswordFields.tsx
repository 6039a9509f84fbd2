import { Form, Input } from 'antd';
import { newPassword } from '../../../src-shared/domain/account';
import { zodRule } from '../../ui/zod-rule';

/**
 * 新密码 and 再次输入新密码, as every form that sets one's own password has them; the core also
 * refuses a new password equal to the old one, and the form says so before sending it.
 */
export function NewPasswordFields({ oldField, extra }: { oldField?: string; extra?: string }) {
  return (
    <>
      <Form.Item
        label="新密码"
        name="newPassword"
        dependencies={oldField ? [oldField] : []}
        extra={extra}
        rules={[
          zodRule(newPassword),
          ({ getFieldValue }) => ({
            validator: async (_, v) => {
              if (oldField && v && v === getFieldValue(oldField)) throw new Error('新密码不能与原密码相同');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="再次输入新密码"
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
