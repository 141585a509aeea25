import { useCallback, useState } from 'react';

/**
 * Tracks which one of several buttons started the request in flight, so only that button
 * shows a spinner and the others on the page stay usable.
 */
export function usePendingAction() {
  const [pendingKey, setPendingKey] = useState<string | null>(null);
  const track = useCallback(async <T>(key: string, action: () => Promise<T>): Promise<T> => {
    setPendingKey(key);
    try {
      return await action();
    } finally {
      setPendingKey((current) => (current === key ? null : current));
    }
  }, []);
  return { pendingKey, track, isPending: (key: string) => pendingKey === key };
}
