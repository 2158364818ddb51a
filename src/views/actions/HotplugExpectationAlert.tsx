import * as React from 'react';
import { Alert } from '@patternfly/react-core';
import type { HotplugExpectation } from '../../core/attach';
import { useNetworkingTranslation } from '../shared/i18n';
import { useMessageText } from '../shared/useMessage';

/** When a NIC change reaches the guest: live (through a migration), after a restart, or at start. */
export const HotplugExpectationAlert: React.FC<{
  expectation: HotplugExpectation;
  /** The live case's title: "Hot-plugged…" for attach, "Hot-unplugged…" for detach. */
  liveTitle: string;
}> = ({ expectation, liveTitle }) => {
  const { t } = useNetworkingTranslation();
  const text = useMessageText();
  return (
    <Alert
      isInline
      variant={expectation.kind === 'restart' ? 'warning' : 'info'}
      title={
        expectation.kind === 'live'
          ? liveTitle
          : expectation.kind === 'restart'
            ? t('Needs a restart')
            : t('Applies at the next start')
      }
      data-test="hotplug-expectation"
    >
      {text(expectation.message)}
    </Alert>
  );
};
