/**
 * 《电子签名章使用授权委托书》: read and ticked before a seal is saved. The acceptance records
 * this version (and the text's hash), so a later wording never rewrites what was agreed to.
 * A new wording gets a new version.
 */
export const SEAL_AUTHORISATION = {
  version: '2026-01',
  title: '电子签名章使用授权委托书',
  paragraphs: [
    '本人作为本试点院校的考核站点负责人（试点院校负责人），现将本人上传的电子签名章授权用于职业技能等级证书的签发确认，并作如下承诺与约定：',
    '一、本电子签名章仅用于本院校考生职业技能等级证书的确认签发，加盖于经本人在线签字确认签发的电子证书之上，不得用于其他任何用途。',
    '二、电子签名章由本人亲自上传和管理，仅本人账号可查看、预览和使用；本人不将账号及密码交由他人使用，因账号保管不善造成的后果由本人承担。',
    '三、本人每次确认签发前，均已核对证书发放记录与考试成绩准确无误；签发操作一经完成，不可撤回，本人对签发结果负责。',
    '四、本人上传的签名章图片为本人真实签名或经授权的签名章样式，不侵犯他人合法权益。',
    '五、如本人职务变动或不再担任考核站点负责人，应及时告知培训评价组织并由继任负责人重新上传签名章；更换签名章后，原签名章不再使用。',
    '六、本授权自勾选同意并保存签名章之日起生效，至更换签名章或本人不再担任考核站点负责人时止。',
  ],
  accept: '我已认真阅读《电子签名章使用授权委托书》，确认无误并同意授权',
} as const;

/** The whole text as one string: what its hash is taken of. */
export function sealAuthorisationText(): string {
  return [SEAL_AUTHORISATION.title, ...SEAL_AUTHORISATION.paragraphs].join('\n');
}
