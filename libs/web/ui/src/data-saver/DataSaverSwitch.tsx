import { Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDataSaver } from './useDataSaver';

/** The "Use less data" switch of this device, with a line on what it does. */
export function DataSaverSwitch() {
  const { t } = useTranslation('ui');
  const { on, browserAsks, set } = useDataSaver();
  return (
    <Switch
      checked={on}
      onChange={(event) => set(event.currentTarget.checked)}
      label={t('dataSaver.label')}
      description={on && browserAsks ? `${t('dataSaver.hint')} ${t('dataSaver.browserAsks')}` : t('dataSaver.hint')}
      size="sm"
    />
  );
}
