/** Detach a NIC: marked absent (hot-unplug) or removed with its network, with the same guards. */
import * as React from 'react';
import {
  Alert,
  Button,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
} from '@patternfly/react-core';
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

export const DetachNetworkModal: React.FC<VMModalProps & { interfaceName?: string }> = ({
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
  const [name, setName] = React.useState(interfaceName ?? candidates[0]?.name ?? '');
  const [error, setError] = React.useState<unknown>();
  const [busy, setBusy] = React.useState(false);
  const running = !!vmi && vmi.status?.phase === 'Running';
  const iface = interfacesOf(snapshot).find((i) => i.name === name);
  const network = networksOf(snapshot).find((n) => n.name === name);
  const mode = iface ? detachModeOf(snapshot, name, running) : undefined;
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
                onChange={(_e, v) => setName(v)}
                data-test="detach-interface"
              >
                {candidates.map((i) => (
                  <FormSelectOption key={i.name} value={i.name} label={i.name} />
                ))}
              </FormSelect>
            </FormGroup>
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
          isDisabled={!iface || busy}
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
