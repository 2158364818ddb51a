import * as React from 'react';
import { Button } from '@patternfly/react-core';
import { PlusCircleIcon } from '@patternfly/react-icons';
import type { VirtualMachine } from '../../core/k8s/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { LazyAttachNetworkModal } from './useVMNetworkingActions';

/** "Attach network" for the Networking tab; the modal loads on the first click. */
export const AttachNetworkButton: React.FC<{ vm: VirtualMachine }> = ({ vm }) => {
  const { t } = useNetworkingTranslation();
  const [open, setOpen] = React.useState(false);
  return (
    <>
      <Button
        variant="secondary"
        icon={<PlusCircleIcon />}
        onClick={() => setOpen(true)}
        data-test="attach-network-button"
      >
        {t('Attach network')}
      </Button>
      {open && <LazyAttachNetworkModal vm={vm} closeModal={() => setOpen(false)} />}
    </>
  );
};

export default AttachNetworkButton;
