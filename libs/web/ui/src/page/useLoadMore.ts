import { useCallback, useState } from 'react';
import { useNotify } from '../feedback/useNotify';
import { useErrorMessage } from './useErrorMessage';

/**
 * The "load more" button of a paged list: `run(fetchPage)` asks for the next page, with `loading`
 * true meanwhile (the button shows it); a page that could not be had is said in a toast, and the
 * list stays as it was.
 */
export function useLoadMore(): { loading: boolean; run: (fetchPage: () => Promise<unknown>) => void } {
  const [loading, setLoading] = useState(false);
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const run = useCallback(
    (fetchPage: () => Promise<unknown>) => {
      setLoading(true);
      void fetchPage()
        .catch((error: unknown) => notify.error(errorMessage(error)))
        .finally(() => setLoading(false));
    },
    [notify, errorMessage],
  );
  return { loading, run };
}
