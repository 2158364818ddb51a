import * as React from 'react';
import type { Message } from '../../core/model/messages';
import { useNetworkingTranslation } from './i18n';

/**
 * The core returns sentences as i18next keys with parameters (src/core/model/messages.ts);
 * this turns them into the user's language.
 */
export const useMessageText = () => {
  const { t } = useNetworkingTranslation();
  return React.useCallback(
    (m: Message | undefined): string => (m ? t(m.message, m.params ?? {}) : ''),
    [t],
  );
};
