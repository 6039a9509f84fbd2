import { useEffect, useState } from 'react';
import { keyIdOf } from './platform-key';

/** A PEM key's short id, as package previews show it; null while computing or for text that is no key. */
export function useKeyId(pem: string | undefined): string | null {
  const [keyId, setKeyId] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void keyIdOf(pem ?? '').then((id) => live && setKeyId(id));
    return () => {
      live = false;
    };
  }, [pem]);
  return keyId;
}
