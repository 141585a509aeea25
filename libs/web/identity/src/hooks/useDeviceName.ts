import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { describeUserAgent } from '../utils/user-agent.util';

/** "Firefox on Windows" for a session's user agent; browser and system names are not translated. */
export function useDeviceName(): (userAgent: string | null) => string {
  const { t } = useTranslation('account');
  return useCallback(
    (userAgent: string | null) => {
      const { browser, system } = describeUserAgent(userAgent);
      if (browser && system) return t('security.sessions.browserOnSystem', { browser, system });
      return browser ?? system ?? t('security.sessions.unknownBrowser');
    },
    [t],
  );
}
