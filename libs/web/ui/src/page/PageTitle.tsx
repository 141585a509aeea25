import { Title, type TitleProps } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export interface PageTitleProps extends Omit<TitleProps, 'order' | 'children'> {
  children: string;
}

/** The page's one <h1>; also names the browser tab so history and screen readers tell pages apart. */
export function PageTitle({ children, ...props }: PageTitleProps) {
  const { t } = useTranslation('ui');
  const suffix = t('page.titleSuffix');
  useEffect(() => {
    document.title = `${children} · ${suffix}`;
  }, [children, suffix]);
  return (
    <Title order={1} mb="md" {...props}>
      {children}
    </Title>
  );
}
