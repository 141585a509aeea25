import { PageLoader } from '@convene/web-ui';
import { useEffect, useState } from 'react';

/** Shown while a page's code loads: nothing at first, a spinner only when it takes a while. */
export function RouteLoading() {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), 500);
    return () => clearTimeout(timer);
  }, []);
  return slow ? <PageLoader /> : null;
}
