import * as React from 'react';
import { Label } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { ResourceLink } from '@openshift-console/dynamic-plugin-sdk';
import type { SpecInterface } from '../../core/kubevirt/vm-spec';
import { useNetworkingTranslation } from '../shared/i18n';

const NAD_GVK = { group: 'k8s.cni.cncf.io', version: 'v1', kind: 'NetworkAttachmentDefinition' };

const NetworkCell: React.FC<{ row: SpecInterface }> = ({ row }) => {
  const { t } = useNetworkingTranslation();
  const { network } = row;
  switch (network.kind) {
    case 'pod':
      return <>{t('Pod network')}</>;
    case 'multus':
      return (
        <ResourceLink
          groupVersionKind={NAD_GVK}
          name={network.nadName}
          namespace={network.nadNamespace}
          displayName={`${network.nadNamespace}/${network.nadName}`}
          inline
        />
      );
    case 'other':
      return <>{t('{{source}} network', { source: network.source })}</>;
    default:
      return <Label color="red">{t('No network named {{name}}', { name: network.name })}</Label>;
  }
};

export const InterfacesTable: React.FC<{ rows: SpecInterface[] }> = ({ rows }) => {
  const { t } = useNetworkingTranslation();
  return (
    <Table aria-label={t('Network interfaces')} data-test="vm-networking-interfaces" variant="compact">
      <Thead>
        <Tr>
          <Th>{t('Name')}</Th>
          <Th>{t('Binding')}</Th>
          <Th>{t('Model')}</Th>
          <Th>{t('MAC address')}</Th>
          <Th>{t('Network')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={row.name} data-test={`interface-row-${row.name}`}>
            <Td dataLabel={t('Name')} data-test="interface-name">
              {row.name}
            </Td>
            <Td dataLabel={t('Binding')} data-test="interface-binding">
              {row.binding.name}
              {row.binding.source === 'default' && (
                <>
                  {' '}
                  <Label isCompact>{t('default')}</Label>
                </>
              )}
              {row.binding.source === 'deprecated' && (
                <>
                  {' '}
                  <Label isCompact color="orange">
                    {t('deprecated')}
                  </Label>
                </>
              )}
            </Td>
            <Td dataLabel={t('Model')} data-test="interface-model">
              {row.model ?? 'virtio'}
            </Td>
            <Td dataLabel={t('MAC address')} data-test="interface-mac">
              {row.macAddress ?? t('Assigned at start')}
            </Td>
            <Td dataLabel={t('Network')} data-test="interface-network">
              <NetworkCell row={row} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
