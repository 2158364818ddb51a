import * as React from 'react';
import { Alert, AlertActionLink } from '@patternfly/react-core';
import { useNetworkingTranslation } from '../shared/i18n';
import { messageOf } from '../shared/k8s-errors';
import { isConcurrentChange } from './patch-errors';

/** Why a patch failed; a refused concurrent change offers to reload the VM and try again. */
export const PatchErrorAlert: React.FC<{ error: unknown; onReload: () => void }> = ({
  error,
  onReload,
}) => {
  const { t } = useNetworkingTranslation();
  if (isConcurrentChange(error)) {
    return (
      <Alert
        isInline
        variant="warning"
        title={t('The VirtualMachine changed while this dialog was open')}
        data-test="patch-conflict"
        actionLinks={
          <AlertActionLink onClick={onReload} data-test="reload-retry">
            {t('Reload the VM and review again')}
          </AlertActionLink>
        }
      >
        {t(
          'Someone else changed its interfaces or networks since you opened this dialog, so nothing was changed, to avoid overwriting their edit. Reload to see the VM as it is now, then apply again.',
        )}
        <div data-test="server-message">{messageOf(error)}</div>
      </Alert>
    );
  }
  return (
    <Alert
      isInline
      variant="danger"
      title={t('The change was not applied')}
      data-test="patch-error"
    >
      {messageOf(error)}
    </Alert>
  );
};
