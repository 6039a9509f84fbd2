import { ClearOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import SignaturePad from 'signature_pad';

/** What the dialog asks of the pad when the principal confirms. */
export interface SignatureHandle {
  isEmpty(): boolean;
  /** The drawing as a PNG (transparent ground), base64 without its data: prefix. */
  pngBase64(): string;
}

const WIDTH = 520;
const HEIGHT = 170;

/**
 * 手写签名 on screen with signature_pad (mouse, pen or finger): drawn at the screen's pixel
 * density, a 清除 button to start again. `onChange` tells whether anything is drawn.
 */
export function SignatureField({ ref, onChange, disabled }: { ref: Ref<SignatureHandle>; onChange: (empty: boolean) => void; disabled?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);

  useEffect(() => {
    const el = canvas.current!;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    el.width = WIDTH * ratio;
    el.height = HEIGHT * ratio;
    el.getContext('2d')!.scale(ratio, ratio);
    const p = new SignaturePad(el, { penColor: '#1a1a1a', minWidth: 1, maxWidth: 3 });
    const changed = () => onChange(p.isEmpty());
    p.addEventListener('endStroke', changed);
    pad.current = p;
    return () => {
      p.removeEventListener('endStroke', changed);
      p.off();
      pad.current = null;
    };
  }, [onChange]);

  useEffect(() => {
    if (!pad.current) return;
    if (disabled) pad.current.off();
    else pad.current.on();
  }, [disabled]);

  useImperativeHandle(ref, () => ({
    isEmpty: () => pad.current?.isEmpty() ?? true,
    pngBase64: () => (pad.current?.toDataURL('image/png') ?? '').replace(/^data:image\/png;base64,/, ''),
  }));

  return (
    <Flex vertical gap={6}>
      <canvas
        ref={canvas}
        aria-label="手写签名板"
        style={{ width: WIDTH, height: HEIGHT, maxWidth: '100%', border: '1px dashed #bfbfbf', borderRadius: 6, background: '#fff', touchAction: 'none', cursor: 'crosshair' }}
      />
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          请用鼠标或手写笔在框内签名。此签名仅用于本次签发确认，不是签名章。
        </Typography.Text>
        <Button
          size="small"
          icon={<ClearOutlined />}
          disabled={disabled}
          onClick={() => {
            pad.current?.clear();
            onChange(true);
          }}
        >
          清除
        </Button>
      </Flex>
    </Flex>
  );
}
