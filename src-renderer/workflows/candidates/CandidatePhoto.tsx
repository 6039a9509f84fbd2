import { UserOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useOp } from '../../api/hooks';

/** 295×413: the photo's own proportions, so a thumbnail never distorts it. */
const RATIO = 413 / 295;

interface PhotoProps {
  id: number;
  hasPhoto: boolean;
  name: string;
  width: number;
  delay?: number;
}

function boxStyle(width: number) {
  return {
    width,
    height: Math.round(width * RATIO),
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
}

/**
 * A candidate's photo at a given width. In a scrolling list the photo is asked for only once
 * its row has stayed on screen a moment (`delay`), so flinging through 50,000 rows fetches none;
 * a candidate without one costs no query at all.
 */
export function CandidatePhoto(props: PhotoProps) {
  if (props.hasPhoto) return <StoredPhoto {...props} />;
  return (
    <span style={boxStyle(props.width)} role="img" aria-label={`${props.name}没有照片`}>
      <UserOutlined />
    </span>
  );
}

function StoredPhoto({ id, name, width, delay = 0 }: PhotoProps) {
  const [ready, setReady] = useState(delay === 0);
  useEffect(() => {
    if (ready) return;
    const t = setTimeout(() => setReady(true), delay);
    return () => clearTimeout(t);
  }, [ready, delay]);
  const photo = useOp('candidates.photo', { id }, { enabled: ready, staleTime: 5 * 60_000 });
  const box = boxStyle(width);
  if (photo.data) return <img src={photo.data.dataUrl} alt={`${name}的照片`} width={width} height={box.height} style={{ ...box, objectFit: 'cover' }} />;
  return <span style={box} role="img" aria-label={`${name}的照片（读取中）`} />;
}
