import { useEffect, useRef, useState } from 'react';

/**
 * The search box's text sent as the list's search while it is typed: at once when the list is
 * idle (a search of 50,000 rows takes tens of ms, so waiting for a pause in the typing would be
 * most of the delay); while a query is in flight the text typed meanwhile waits, and only the
 * latest is sent after it — one query at a time however fast the typing. Nothing is sent while
 * an input method is still composing (the pinyin of a name not yet turned into characters).
 * Returns the handlers for the box's composition events.
 */
export function useSearchAsTyped(text: string, sent: string, busy: boolean, send: (search: string) => void) {
  const [composing, setComposing] = useState(false);
  const latest = useRef({ sent, send });
  latest.current = { sent, send };
  useEffect(() => {
    const search = text.trim();
    if (busy || composing || search === latest.current.sent) return;
    latest.current.send(search);
  }, [text, busy, composing]);
  return { onCompositionStart: () => setComposing(true), onCompositionEnd: () => setComposing(false) };
}
