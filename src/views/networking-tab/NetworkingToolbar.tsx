import * as React from 'react';
import { Button, Flex, FlexItem } from '@patternfly/react-core';
import type { VirtualMachine } from '../../core/k8s/types';
import { AttachNetworkButton } from '../actions/AttachNetworkButton';
import { createVMUrl } from '../actions/urls';
import { mnpUrls } from '../mnp-wizard/urls';
import { useNetworkingTranslation } from '../shared/i18n';
import { wizardUrls } from '../shared/wizard/urls';

/** What one does from here: attach a network, or create the objects a VM's networking needs. */
const NetworkingToolbarView: React.FC<{ vm: VirtualMachine; isDraft: boolean }> = ({
  vm,
  isDraft,
}) => {
  const { t } = useNetworkingTranslation();
  const namespace = vm.metadata?.namespace ?? '';
  const links: [string, string, string][] = [
    ['create-udn-link', t('Create UserDefinedNetwork'), wizardUrls.newUDN(namespace)],
    ['create-nad-link', t('Create NetworkAttachmentDefinition'), wizardUrls.newNAD(namespace)],
    [
      'create-mnp-link',
      t('Create MultiNetworkPolicy'),
      mnpUrls.newMNP(namespace, { vm: vm.metadata?.name }),
    ],
    ['create-vm-link', t('Create VirtualMachine (networking first)'), createVMUrl(namespace)],
  ];
  return (
    <Flex data-test="vm-networking-toolbar" spaceItems={{ default: 'spaceItemsSm' }}>
      {!isDraft && (
        <FlexItem>
          <AttachNetworkButton vm={vm} />
        </FlexItem>
      )}
      {links.map(([test, label, href]) => (
        <FlexItem key={test}>
          <Button variant="link" component="a" href={href} data-test={test} isInline>
            {label}
          </Button>
        </FlexItem>
      ))}
    </Flex>
  );
};

/** Not drawn again as each of the tab's lists arrives (the VM object stays the same). */
export const NetworkingToolbar = React.memo(NetworkingToolbarView);
