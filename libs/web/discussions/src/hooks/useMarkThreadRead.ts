import { useMutation } from '@apollo/client/react';
import { MarkThreadReadDocument } from '@convene/web-data-access';
import { useCallback, useEffect, useRef } from 'react';

/**
 * Marks a discussion read to its end, once the page is in front of the person: a reply that
 * arrives in a background tab is read when they come back to it, not before.
 */
export function useMarkThreadRead(threadId: string) {
  const [mark] = useMutation(MarkThreadReadDocument);
  const waiting = useRef<(() => void) | null>(null);
  useEffect(() => () => waiting.current?.(), []);

  return useCallback(() => {
    const send = () =>
      void mark({ variables: { threadId } }).catch((error: unknown) =>
        console.warn('Marking the discussion read failed', error),
      );
    if (document.visibilityState === 'visible') return send();
    if (waiting.current) return;
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      stop();
      send();
    };
    const stop = () => {
      document.removeEventListener('visibilitychange', onVisible);
      waiting.current = null;
    };
    document.addEventListener('visibilitychange', onVisible);
    waiting.current = stop;
  }, [mark, threadId]);
}
