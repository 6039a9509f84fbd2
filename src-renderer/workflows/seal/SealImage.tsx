import { Flex, Typography } from 'antd';

/** A checkerboard under the seal, so what is transparent shows as such. */
const CHECKER = {
  backgroundColor: '#fff',
  backgroundImage:
    'linear-gradient(45deg, #e8e8e8 25%, transparent 25%), linear-gradient(-45deg, #e8e8e8 25%, transparent 25%), linear-gradient(45deg, transparent 75%, #e8e8e8 75%), linear-gradient(-45deg, transparent 75%, #e8e8e8 75%)',
  backgroundSize: '12px 12px',
  backgroundPosition: '0 0, 0 6px, 6px -6px, -6px 0',
};

export function SealImage({ src, caption, size = 120 }: { src: string | null; caption: string; size?: number }) {
  return (
    <Flex vertical align="center" gap={4}>
      <Flex align="center" justify="center" style={{ ...CHECKER, width: size + 16, height: size + 16, border: '1px solid #d9d9d9', borderRadius: 6 }}>
        {src ? <img src={src} alt={caption} style={{ maxWidth: size, maxHeight: size }} /> : <Typography.Text type="secondary">无</Typography.Text>}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {caption}
      </Typography.Text>
    </Flex>
  );
}
