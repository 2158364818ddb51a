/**
 * Detach a NIC: marked absent (hot-unplug) or removed with its network, with the same guards.
 * Opened from the VM's Actions menu nothing is pre-selected; a caller that knows the NIC (a row of
 * the Networking tab) passes `interfaceName`. The NIC that gives the VM its main connectivity (the
 * pod network, which is the primary UDN where the namespace has one, or a Multus default network)
 * is only removed after a second, explicit confirmation.
 */
import * as React from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
} from '@patternfly/react-core';
import type { V1Network } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import {
  detachModeOf,
  detachPatch,
  hotplugExpectation,
  interfacesOf,
  networksOf,
} from '../../core/attach';
import { Models } from '../../core/k8s/models';
import { useNetworkingTranslation } from '../shared/i18n';
import type { VMModalProps } from './AttachNetworkModal';
import { useVMSnapshot } from './AttachNetworkModal';
import { k8sModelOf } from './data';
import { HotplugExpectationAlert } from './HotplugExpectationAlert';
import { PatchErrorAlert } from './PatchErrorAlert';

export interface DetachNetworkModalProps extends VMModalProps {
  /** The NIC to detach, pre-selected (the user can still change it); omitted: none is. */
  interfaceName?: string;
}

/** Whether a network gives the VM its main connectivity (default route, cluster network). */
export const isMainNetwork = (network: V1Network | undefined): boolean =>
  !!network && (!!network.pod || !!(network.multus as { default?: boolean } | undefined)?.default);

export const DetachNetworkModal: React.FC<DetachNetworkModalProps> = ({
  vm,
  closeModal,
  interfaceName,
}) => {
  const { t } = useNetworkingTranslation();
  const { snapshot, reload, vmi } = useVMSnapshot(vm);
  // A NIC already marked absent has nothing left to detach while the VM runs.
  const candidates = interfacesOf(snapshot).filter(
    (i) => (i as { state?: string }).state !== 'absent' || !vmi,
  );
  const [name, setName] = React.useState(interfaceName ?? '');
  const [confirmedMain, setConfirmedMain] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const [busy, setBusy] = React.useState(false);
  const running = !!vmi && vmi.status?.phase === 'Running';
  const iface = interfacesOf(snapshot).find((i) => i.name === name);
  const network = networksOf(snapshot).find((n) => n.name === name);
  const mode = iface ? detachModeOf(snapshot, name, running) : undefined;
  const main = !!iface && isMainNetwork(network);
  const canApply = !!iface && (!main || confirmedMain) && !busy;
  const expectation = iface
    ? hotplugExpectation(snapshot, vmi, iface, !!network?.pod, { direction: 'detach' })
    : undefined;

  const apply = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await k8sPatch({
        model: k8sModelOf(Models.VirtualMachine),
        resource: snapshot,
        data: detachPatch(snapshot, name, { running }),
      });
      closeModal?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      isOpen
      onClose={closeModal}
      variant="small"
      aria-labelledby="vm-networking-detach-title"
      data-test="detach-network-modal"
    >
      <ModalHeader
        title={t('Detach network from {{name}}', { name: vm.metadata?.name })}
        labelId="vm-networking-detach-title"
        titleIconVariant="warning"
      />
      <ModalBody>
        {!candidates.length ? (
          <Alert isInline variant="info" title={t('This VM has no network interface to detach')} />
        ) : (
          <Form onSubmit={(e) => e.preventDefault()}>
            <FormGroup label={t('Interface')} fieldId="detach-interface" isRequired>
              <FormSelect
                id="detach-interface"
                value={name}
                onChange={(_e, v) => {
                  setName(v);
                  setConfirmedMain(false);
                }}
                data-test="detach-interface"
              >
                {!iface && (
                  <FormSelectOption value="" label={t('Choose an interface')} isPlaceholder />
                )}
                {candidates.map((i) => (
                  <FormSelectOption key={i.name} value={i.name} label={i.name} />
                ))}
              </FormSelect>
              {!iface && (
                <FormHelperText>
                  <HelperText>
                    <HelperTextItem data-test="detach-choose">
                      {t('Choose the interface to detach.')}
                    </HelperTextItem>
                  </HelperText>
                </FormHelperText>
              )}
            </FormGroup>
            {main && (
              <Alert
                isInline
                variant="danger"
                title={t('{{name}} gives this VM its main connectivity', { name })}
                data-test="detach-main-warning"
              >
                <p>
                  {network?.pod
                    ? t(
                        '{{name}} is on the pod network (the primary user-defined network where the namespace has one). Without it the VM loses its main connectivity: no default route, no cluster network, no Services or routes reach it, until an interface is added back and the VM restarts.',
                        { name },
                      )
                    : t(
                        '{{name}} is on the Multus default network. Without it the VM loses its main connectivity: no default route and no cluster network, until an interface is added back and the VM restarts.',
                        { name },
                      )}
                </p>
                <Checkbox
                  id="detach-confirm-main"
                  label={t(
                    'Yes, detach {{name}}: I understand the VM loses its main connectivity',
                    {
                      name,
                    },
                  )}
                  isChecked={confirmedMain}
                  onChange={(_e, v) => setConfirmedMain(v)}
                  data-test="detach-confirm-main"
                />
              </Alert>
            )}
            {mode && (
              <Alert
                isInline
                isPlain
                variant="info"
                title={
                  mode === 'absent'
                    ? t('{{name}} will be marked absent (state: absent) and hot-unplugged.', {
                        name,
                      })
                    : t('{{name}} and its network will be removed from the VM spec.', { name })
                }
                data-test="detach-mode"
              />
            )}
            {expectation && (
              <HotplugExpectationAlert
                expectation={expectation}
                liveTitle={t('Hot-unplugged from the running VM')}
              />
            )}
            {error !== undefined && (
              <PatchErrorAlert
                error={error}
                onReload={() => {
                  reload();
                  setError(undefined);
                }}
              />
            )}
          </Form>
        )}
      </ModalBody>
      <ModalFooter>
        <Button
          variant="danger"
          onClick={() => void apply()}
          isDisabled={!canApply}
          isLoading={busy}
          data-test="detach-apply"
        >
          {t('Detach')}
        </Button>
        <Button variant="link" onClick={closeModal} data-test="detach-cancel">
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export default DetachNetworkModal;
