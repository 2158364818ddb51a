import { useTranslation } from 'react-i18next';

/** The console loads our strings under this namespace: `plugin__<ConsolePlugin name>`. */
export const I18N_NAMESPACE = 'plugin__vm-networking-console-plugin';

export const useNetworkingTranslation = () =>
  useTranslation('plugin__vm-networking-console-plugin');
