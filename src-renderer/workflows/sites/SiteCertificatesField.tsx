import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Table } from 'antd';
import { useState } from 'react';
import type { CertificateRow } from '../../../src-shared/api/catalog';
import type { SiteCertificate } from '../../../src-shared/domain/exam-site';

const keyOf = (c: SiteCertificate) => `${c.certificateCode}/${c.level}`;

/**
 * The manual's certificate table: pick a certificate and level of the chosen organisation, 确认添加;
 * rows are removed one by one. Only the organisation's own certificates are offered.
 */
export function SiteCertificatesField({
  value = [],
  onChange,
  certificates,
  orgCode,
  id,
}: {
  value?: SiteCertificate[];
  onChange?: (v: SiteCertificate[]) => void;
  certificates: CertificateRow[];
  orgCode: string | undefined;
  id?: string;
}) {
  const [picked, setPicked] = useState<string | null>(null);
  const byCode = new Map(certificates.map((c) => [c.code, c]));
  const taken = new Set(value.map(keyOf));
  const options = certificates
    .filter((c) => c.orgCode === orgCode)
    .flatMap((c) => c.levels.map((level) => ({ value: `${c.code}/${level}`, label: `${c.name}（${level}）`, disabled: taken.has(`${c.code}/${level}`) })));

  const add = () => {
    if (!picked) return;
    const [certificateCode, level] = picked.split('/') as [string, SiteCertificate['level']];
    onChange?.([...value, { certificateCode, level }]);
    setPicked(null);
  };

  return (
    <Flex vertical gap={8}>
      <Flex gap={8}>
        <Select
          id={id}
          aria-label="选择证书"
          value={picked}
          onChange={setPicked}
          options={options}
          placeholder={orgCode ? '请选择证书和等级' : '请先选择申报对象'}
          disabled={!orgCode}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ flex: 1 }}
          onKeyDown={(e) => {
            // Enter on a chosen option adds it, as the button does.
            if (e.key === 'Enter' && picked) {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button icon={<PlusOutlined />} onClick={add} disabled={!picked}>
          确认添加
        </Button>
      </Flex>
      <Table<SiteCertificate>
        size="small"
        rowKey={keyOf}
        aria-label="申报的证书"
        pagination={false}
        dataSource={value}
        locale={{ emptyText: '暂无数据' }}
        columns={[
          { title: '证书编号', dataIndex: 'certificateCode', width: 120 },
          { title: '证书名称', key: 'name', render: (_, c) => byCode.get(c.certificateCode)?.name ?? c.certificateCode },
          { title: '证书等级', dataIndex: 'level', width: 90 },
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_, c) => (
              <Button
                type="link"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={`删除 ${byCode.get(c.certificateCode)?.name ?? c.certificateCode}（${c.level}）`}
                onClick={() => onChange?.(value.filter((x) => keyOf(x) !== keyOf(c)))}
              >
                删除
              </Button>
            ),
          },
        ]}
      />
    </Flex>
  );
}
