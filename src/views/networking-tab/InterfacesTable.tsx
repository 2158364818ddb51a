import * as React from 'react';
import { Label } from '@patternfly/react-core';
import { ExpandableRowContent, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { ResourceLink } from '@openshift-console/dynamic-plugin-sdk';
import type { InterfaceRow } from '../../core/model/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { useMessageText } from '../shared/useMessage';
import { InterfaceDetails, IpList, ObjectLink } from './InterfaceDetails';

const NAD_GVK = { group: 'k8s.cni.cncf.io', version: 'v1', kind: 'NetworkAttachmentDefinition' };

const NetworkCell: React.FC<{ row: InterfaceRow }> = ({ row }) => {
  const { t } = useNetworkingTranslation();
  const text = useMessageText();
  const { network, spec } = row;
  const specNet = spec.network;
  if (specNet.kind === 'missing') {
    return <Label color="red">{t('No network named {{name}}', { name: specNet.name })}</Label>;
  }
  if (specNet.kind === 'pod') {
    const udnRef = network.refs.find((r) => r.kind.endsWith('UserDefinedNetwork'));
    return (
      <>
        {t('Pod network')}
        {(network.kind === 'primary-udn' || network.kind === 'primary-cudn') && udnRef && (
          <div>
            {text(network.kindLabel)}: <ObjectLink ref_={udnRef} />
          </div>
        )}
      </>
    );
  }
  if (specNet.kind === 'multus') {
    return (
      <>
        <ResourceLink
          groupVersionKind={NAD_GVK}
          name={specNet.nadName}
          namespace={specNet.nadNamespace}
          displayName={`${specNet.nadNamespace}/${specNet.nadName}`}
          inline
        />
        <div>
          <Label isCompact color={network.kind === 'missing' ? 'red' : 'grey'}>
            {text(network.kindLabel)}
          </Label>
        </div>
      </>
    );
  }
  return <>{t('{{source}} network', { source: specNet.source })}</>;
};

interface RowProps {
  row: InterfaceRow;
  namespace: string;
  vmName: string;
  rowIndex: number;
  isExpanded: boolean;
  onToggle: (name: string) => void;
  /** Content signature: a row whose facts did not change is not re-rendered. */
  signature: string;
}

const InterfaceRowView: React.FC<RowProps> = ({
  row,
  namespace,
  vmName,
  rowIndex,
  isExpanded,
  onToggle,
}) => {
  const { t } = useNetworkingTranslation();
  return (
    <Tbody isExpanded={isExpanded}>
      <Tr data-test={`interface-row-${row.name}`}>
        <Td
          expand={{ rowIndex, isExpanded, onToggle: () => onToggle(row.name) }}
          data-test="interface-expand"
        />
        <Td dataLabel={t('Name')} data-test="interface-name">
          {row.name}
          {row.guest.hotplug && (
            <>
              {' '}
              <Label isCompact color="orange">
                {row.guest.hotplug === 'absent' ? t('absent') : t('pending')}
              </Label>
            </>
          )}
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
        <Td dataLabel={t('Network')} data-test="interface-network">
          <NetworkCell row={row} />
        </Td>
        <Td dataLabel={t('Model')} data-test="interface-model">
          {row.guest.model.value}
        </Td>
        <Td dataLabel={t('MAC address')} data-test="interface-mac">
          {row.guest.mac.reported ?? row.guest.mac.configured ?? t('Assigned at start')}
        </Td>
        <Td dataLabel={t('IP addresses')} data-test="interface-ips">
          <IpList ips={row.guest.ips} />
        </Td>
        <Td dataLabel={t('Pod interface')} data-test="interface-pod-interface">
          {row.pod.interfaceName ?? row.pod.expectedInterface}
        </Td>
      </Tr>
      {/* Only an expanded row has its details row: each PatternFly cell measures itself on mount. */}
      {isExpanded && (
        <Tr isExpanded>
          <Td colSpan={8}>
            <ExpandableRowContent>
              <InterfaceDetails row={row} namespace={namespace} vmName={vmName} />
            </ExpandableRowContent>
          </Td>
        </Tr>
      )}
    </Tbody>
  );
};

// Watch updates rebuild the model many times while a VM's objects load; unchanged rows keep their DOM.
const MemoRow = React.memo(
  InterfaceRowView,
  (a, b) =>
    a.signature === b.signature &&
    a.namespace === b.namespace &&
    a.vmName === b.vmName &&
    a.isExpanded === b.isExpanded &&
    a.rowIndex === b.rowIndex &&
    a.onToggle === b.onToggle,
);

const signatureOf = (row: InterfaceRow): string =>
  JSON.stringify(row, (key, value) => (key === 'spec' ? undefined : value));

export const InterfacesTable: React.FC<{
  rows: InterfaceRow[];
  namespace: string;
  vmName: string;
}> = ({ rows, namespace, vmName }) => {
  const { t } = useNetworkingTranslation();
  const [expanded, setExpanded] = React.useState<Set<string>>(new Set());
  const toggle = React.useCallback(
    (name: string) =>
      setExpanded((prev) => {
        const next = new Set(prev);
        if (next.has(name)) next.delete(name);
        else next.add(name);
        return next;
      }),
    [],
  );
  const signatures = React.useMemo(() => rows.map(signatureOf), [rows]);

  return (
    <Table
      aria-label={t('Network interfaces')}
      data-test="vm-networking-interfaces"
      variant="compact"
    >
      <Thead>
        <Tr>
          <Th screenReaderText={t('Details')} />
          <Th>{t('Name')}</Th>
          <Th>{t('Binding')}</Th>
          <Th>{t('Network')}</Th>
          <Th>{t('Model')}</Th>
          <Th>{t('MAC address')}</Th>
          <Th>{t('IP addresses')}</Th>
          <Th>{t('Pod interface')}</Th>
        </Tr>
      </Thead>
      {rows.map((row, rowIndex) => (
        <MemoRow
          key={row.name}
          row={row}
          namespace={namespace}
          vmName={vmName}
          rowIndex={rowIndex}
          isExpanded={expanded.has(row.name)}
          onToggle={toggle}
          signature={signatures[rowIndex]}
        />
      ))}
    </Table>
  );
};
