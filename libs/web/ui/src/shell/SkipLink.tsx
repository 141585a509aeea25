import { useTranslation } from 'react-i18next';

export const MAIN_CONTENT_ID = 'main-content';

/** First thing a keyboard user reaches: jumps past the header to the page content. */
export function SkipLink() {
  const { t } = useTranslation('ui');
  return (
    <a className="convene-skip-link" href={`#${MAIN_CONTENT_ID}`}>
      {t('skipToContent')}
    </a>
  );
}
