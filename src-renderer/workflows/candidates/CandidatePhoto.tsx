import { UserOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useOp } from '../../api/hooks';

/** 295×413: the photo's own proportions, so a thumbnail never distorts it. */
const RATIO = 413 / 295;

/**
 * A candidate's photo at a given width. In a scrolling list the photo is asked for only once
 * its row has stayed on screen a moment (`delay`), so flinging through 50,000 rows fetches none.
 */
export function CandidatePhoto({ id, hasPhoto, name, width, delay = 0 }: { id: number; hasPhoto: boolean; name: string; width: number; delay?: number }) {
  const [ready, setReady] = useState(delay === 0);
  useEffect(() => {
    if (ready || !hasPhoto) return;
    const t = setTimeout(() => setReady(true), delay);
    return () => clearTimeout(t);
  }, [ready, hasPhoto, delay]);
  const photo = useOp('candidates.photo', { id }, { enabled: hasPhoto && ready, staleTime: 5 * 60_000 });
  const height = Math.round(width * RATIO);
  const box = {
    width,
    height,
    borderRadius: 3,
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    verticalAlign: 'middle',
    background: 'var(--ant-color-fill-tertiary)',
    color: 'var(--ant-color-text-quaternary)',
    fontSize: Math.max(12, width / 3),
    overflow: 'hidden',
  } as const;
  if (hasPhoto && photo.data) return <img src={photo.data.dataUrl} alt={`${name}的照片`} width={width} height={height} style={{ ...box, objectFit: 'cover' }} />;
  return (
    <span style={box} role="img" aria-label={hasPhoto ? `${name}的照片（读取中）` : `${name}没有照片`}>
      {!hasPhoto && <UserOutlined />}
    </span>
  );
}
