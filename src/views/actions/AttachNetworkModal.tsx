/**
 * Attach a network to an existing VM: the NIC's fields, what will happen to a running VM, and a
 * JSON patch with `test` guards, so an edit made meanwhile is refused rather than overwritten.
 */
import * as React from 'react';
import {
  Alert,
  Button,
  Form,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
} from '@patternfly/react-core';
import { k8sPatch, useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { attachPatch, hotplugExpectation, interfacesOf, networksOf } from '../../core/attach';
import {
  interfaceOf,
  interfaceNameFor,
  macsInUse,
  networkId,
  networkOf,
  newInterface,
  type PlanInterface,
} from '../../core/create-vm';
import { parseNetworkName } from '../../core/kubevirt/vm-spec';
import { groupVersionKindOf, Models } from '../../core/k8s/models';
import type { VirtualMachine, VirtualMachineInstance } from '../../core/k8s/types';
import { formatFieldError } from '../../core/validation/format';
import { useNetworkingTranslation } from '../shared/i18n';
import { k8sModelOf, useBindingContext, useNamespaceNetworks } from './data';
import { NicFields } from './NicFields';
import { HotplugExpectationAlert } from './HotplugExpectationAlert';
import { PatchErrorAlert } from './PatchErrorAlert';
import { validatePlan } from '../../core/create-vm/validate';

export interface VMModalProps {
  vm: VirtualMachine;
  closeModal?: () => void;
}

/** The latest VM from a watch, and the snapshot a patch is planned on (taken when opened). */
export const useVMSnapshot = (vm: VirtualMachine) => {
  const [live] = useK8sWatchResource<VirtualMachine>({
    groupVersionKind: groupVersionKindOf(Models.VirtualMachine),
    name: vm.metadata?.name,
    namespace: vm.metadata?.namespace,
  });
  const [vmi] = useK8sWatchResource<VirtualMachineInstance>({
    groupVersionKind: groupVersionKindOf(Models.VirtualMachineInstance),
    name: vm.metadata?.name,
    namespace: vm.metadata?.namespace,
    optional: true,
  });
  const [snapshot, setSnapshot] = React.useState<VirtualMachine>(vm);
  const reload = React.useCallback(() => {
    if (live?.metadata) setSnapshot(live);
  }, [live]);
  return { snapshot, reload, vmi: vmi?.metadata ? vmi : undefined };
};

const attachedIds = (vm: VirtualMachine): Set<string> =>
  new Set(
    networksOf(vm).map((n) =>
      n.pod
        ? 'pod'
        : n.multus
          ? (({ namespace, name }) => `${namespace}/${name}`)(
              parseNetworkName(n.multus.networkName, vm.metadata?.namespace),
            )
          : '',
    ),
  );

export const AttachNetworkModal: React.FC<VMModalProps> = ({ vm, closeModal }) => {
  const { t } = useNetworkingTranslation();
  const namespace = vm.metadata?.namespace ?? '';
  const ctx = useBindingContext();
  const { options, vms } = useNamespaceNetworks(namespace);
  const { snapshot, reload, vmi } = useVMSnapshot(vm);
  const attached = attachedIds(snapshot);
  const free = options.filter((o) => !attached.has(o.id));
  const taken = interfacesOf(snapshot).map((i) => i.name);
  const [nic, setNic] = React.useState<PlanInterface | undefined>();
  const [error, setError] = React.useState<unknown>();
  const [busy, setBusy] = React.useState(false);

  // Start from the first free secondary network once the networks are known.
  React.useEffect(() => {
    if (nic || !free.length) return;
    const first = free.find((o) => o.network.kind === 'multus') ?? free[0];
    setNic(newInterface(first, ctx, taken));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [free.length]);

  const macs = React.useMemo(() => macsInUse(vms), [vms]);
  // The NIC alone, as the first interface of a plan: its own field checks (binding, MAC, model).
  const issues = nic
    ? validatePlan(
        {
          name: 'x',
          namespace,
          boot: { kind: 'containerDisk', image: 'x' },
          compute: { kind: 'instancetype', instancetype: 'x' },
          runStrategy: 'Always',
          interfaces: [nic],
        },
        { binding: ctx, networks: options, macsInUse: macs },
      ).filter((i) => i.field.startsWith('interfaces[0]'))
    : [];
  const fieldErrors: Record<string, string[]> = {};
  for (const i of issues) {
    if (i.severity !== 'error') continue;
    const f = i.field.split('.').pop() ?? '';
    (fieldErrors[f] ??= []).push(formatFieldError(t as never, i));
  }
  if (nic && taken.includes(nic.name)) {
    (fieldErrors.name ??= []).push(
      t('The VM already has an interface named {{name}}.', { name: nic.name }),
    );
  }
  const hasErrors = Object.keys(fieldErrors).length > 0;
  const expectation = nic
    ? hotplugExpectation(snapshot, vmi, interfaceOf(nic), nic.network.kind === 'pod', {
        direction: 'attach',
      })
    : undefined;

  const apply = async () => {
    if (!nic) return;
    setBusy(true);
    setError(undefined);
    try {
      await k8sPatch({
        model: k8sModelOf(Models.VirtualMachine),
        resource: snapshot,
        data: attachPatch(snapshot, {
          iface: interfaceOf(nic),
          network: networkOf(nic, namespace),
        }),
      });
      closeModal?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const onReload = () => {
    reload();
    setError(undefined);
    if (nic && taken.includes(nic.name)) {
      const option = options.find((o) => o.id === networkId(nic.network));
      if (option) setNic({ ...nic, name: interfaceNameFor(option, taken) });
    }
  };

  return (
    <Modal
      isOpen
      onClose={closeModal}
      variant="medium"
      aria-labelledby="vm-networking-attach-title"
      data-test="attach-network-modal"
    >
      <ModalHeader
        title={t('Attach network to {{name}}', { name: vm.metadata?.name })}
        labelId="vm-networking-attach-title"
      />
      <ModalBody>
        {!free.length ? (
          <Alert isInline variant="info" title={t('No other network to attach')}>
            {t('Every network of namespace {{namespace}} is already attached to this VM.', {
              namespace,
            })}
          </Alert>
        ) : nic ? (
          <Form
            onSubmit={(e) => {
              e.preventDefault();
              if (!hasErrors && !busy) void apply();
            }}
          >
            <NicFields
              idPrefix="attach"
              value={nic}
              onChange={setNic}
              options={free}
              ctx={ctx}
              macsInUse={macs}
              fieldErrors={fieldErrors}
            />
            {/* What happens to the running VM matters only for a NIC the API server accepts. */}
            {expectation && !fieldErrors.binding && (
              <HotplugExpectationAlert
                expectation={expectation}
                liveTitle={t('Hot-plugged into the running VM')}
              />
            )}
            {error !== undefined && <PatchErrorAlert error={error} onReload={onReload} />}
          </Form>
        ) : null}
      </ModalBody>
      <ModalFooter>
        <Button
          variant="primary"
          onClick={() => void apply()}
          isDisabled={!nic || hasErrors || busy}
          isLoading={busy}
          data-test="attach-apply"
        >
          {t('Attach')}
        </Button>
        <Button variant="link" onClick={closeModal} data-test="attach-cancel">
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export default AttachNetworkModal;
