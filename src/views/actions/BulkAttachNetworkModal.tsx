/**
 * "Attach network…" for several VMs of one namespace (the VM list's bulk actions): the same
 * network on each, one guarded JSON patch per VM, and a result per VM.
 */
import * as React from 'react';
import {
  Alert,
  Button,
  Form,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
} from '@patternfly/react-core';
import { k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import { attachPatch, interfacesOf, networksOf } from '../../core/attach';
import {
  interfaceNameFor,
  interfaceOf,
  macsInUse,
  networkId,
  networkOf,
  newInterface,
  type PlanInterface,
} from '../../core/create-vm';
import { parseNetworkName } from '../../core/kubevirt/vm-spec';
import { Models } from '../../core/k8s/models';
import type { VirtualMachine } from '../../core/k8s/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { messageOf } from '../shared/k8s-errors';
import { k8sModelOf, useBindingContext, useNamespaceNetworks } from './data';
import { NicFields } from './NicFields';
import { isConcurrentChange } from './patch-errors';

type Result = { vm: string; status: 'done' | 'skipped' | 'conflict' | 'failed'; message?: string };

const onNetwork = (vm: VirtualMachine, id: string) =>
  networksOf(vm).some((n) =>
    n.pod
      ? id === 'pod'
      : n.multus &&
        (({ namespace, name }) => `${namespace}/${name}`)(
          parseNetworkName(n.multus.networkName, vm.metadata?.namespace),
        ) === id,
  );

export const BulkAttachNetworkModal: React.FC<{
  vms: VirtualMachine[];
  closeModal?: () => void;
  /**
   * The network to attach, when the dialog is opened from a network (`namespace/name` of its NAD,
   * as the network options name it). Without it, the first secondary network is proposed.
   */
  network?: string;
}> = ({ vms, closeModal, network }) => {
  const { t } = useNetworkingTranslation();
  const namespaces = [...new Set(vms.map((v) => v.metadata?.namespace ?? ''))];
  const namespace = namespaces.length === 1 ? namespaces[0] : '';
  const ctx = useBindingContext();
  const { options, vms: all } = useNamespaceNetworks(namespace);
  const [nic, setNic] = React.useState<PlanInterface>();
  const [results, setResults] = React.useState<Result[]>([]);
  const [busy, setBusy] = React.useState(false);
  // A preselected network that is not among the options is said so; another is never put in its place.
  const preselected = network ? options.find((o) => o.id === network) : undefined;
  React.useEffect(() => {
    if (nic || !options.length) return;
    const first = network
      ? preselected
      : (options.find((o) => o.network.kind === 'multus') ?? options[0]);
    if (first) setNic({ ...newInterface(first, ctx, []), name: '' });
  }, [options, ctx, nic, network, preselected]);
  const macs = React.useMemo(() => macsInUse(all), [all]);

  const apply = async () => {
    if (!nic) return;
    setBusy(true);
    const out: Result[] = [];
    const option = options.find((o) => o.id === networkId(nic.network));
    for (const vm of vms) {
      const name = vm.metadata?.name ?? '';
      if (onNetwork(vm, networkId(nic.network))) {
        out.push({ vm: name, status: 'skipped' });
        continue;
      }
      // One MAC cannot serve several VMs: each gets its own (or KubeMacPool's).
      const own: PlanInterface = {
        ...nic,
        macAddress: undefined,
        name:
          nic.name ||
          (option
            ? interfaceNameFor(
                option,
                interfacesOf(vm).map((i) => i.name),
              )
            : 'nic-1'),
      };
      try {
        await k8sPatch({
          model: k8sModelOf(Models.VirtualMachine),
          resource: vm,
          data: attachPatch(vm, { iface: interfaceOf(own), network: networkOf(own, namespace) }),
        });
        out.push({ vm: name, status: 'done' });
      } catch (e) {
        out.push({
          vm: name,
          status: isConcurrentChange(e) ? 'conflict' : 'failed',
          message: messageOf(e),
        });
      }
    }
    setResults(out);
    setBusy(false);
  };

  const label = (r: Result) =>
    r.status === 'done'
      ? t('{{vm}}: attached', { vm: r.vm })
      : r.status === 'skipped'
        ? t('{{vm}}: already on this network, left as it is', { vm: r.vm })
        : r.status === 'conflict'
          ? t('{{vm}}: changed meanwhile, nothing applied; reload the list and try again', {
              vm: r.vm,
            })
          : t('{{vm}}: {{message}}', { vm: r.vm, message: r.message ?? '' });

  return (
    <Modal
      isOpen
      onClose={closeModal}
      variant="medium"
      aria-labelledby="vm-networking-bulk-title"
      data-test="bulk-attach-modal"
    >
      <ModalHeader
        title={t('Attach network to {{count}} VirtualMachines', { count: vms.length })}
        labelId="vm-networking-bulk-title"
      />
      <ModalBody>
        {!namespace ? (
          <Alert isInline variant="warning" title={t('Choose VirtualMachines of one namespace')}>
            {t(
              'A network attachment belongs to a namespace; the selected VMs are in {{count}} namespaces.',
              {
                count: namespaces.length,
              },
            )}
          </Alert>
        ) : network && options.length > 0 && !preselected ? (
          <Alert
            isInline
            variant="warning"
            title={t('{{network}} is not offered in {{namespace}}', { network, namespace })}
            data-test="bulk-network-missing"
          >
            {t('The network is not readable there or cannot be attached as an extra NIC.')}
          </Alert>
        ) : nic ? (
          <Form onSubmit={(e) => e.preventDefault()}>
            <NicFields
              idPrefix="bulk"
              value={nic}
              onChange={setNic}
              options={options}
              ctx={ctx}
              macsInUse={macs}
            />
          </Form>
        ) : null}
        {results.length > 0 && (
          <List data-test="bulk-results">
            {results.map((r) => (
              <ListItem key={r.vm}>{label(r)}</ListItem>
            ))}
          </List>
        )}
      </ModalBody>
      <ModalFooter>
        {results.length ? (
          <Button variant="primary" onClick={closeModal}>
            {t('Close')}
          </Button>
        ) : (
          <Button
            variant="primary"
            onClick={() => void apply()}
            isDisabled={!nic || !namespace || busy}
            isLoading={busy}
            data-test="bulk-attach-apply"
          >
            {t('Attach')}
          </Button>
        )}
        <Button variant="link" onClick={closeModal}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export default BulkAttachNetworkModal;
