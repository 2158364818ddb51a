/**
 * "Attach to VMs…" from a network: pick VMs of a namespace the network reaches, then the bulk
 * Attach dialog with this network preselected (one guarded patch per VM, a result per VM).
 */
import * as React from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Spinner,
} from '@patternfly/react-core';
import type { VirtualMachine } from '../../core/k8s/types';
import type { NetworkRow } from '../../core/network-list/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { messageOf } from '../shared/k8s-errors';
import { useVmsOf } from './useNetworkList';

const BulkAttachNetworkModal = React.lazy(
  () =>
    import(/* webpackChunkName: "bulk-attach-network-modal" */ '../actions/BulkAttachNetworkModal'),
);

const PickVMs: React.FC<{
  row: NetworkRow;
  onClose: () => void;
  onNext: (namespace: string, vms: VirtualMachine[]) => void;
}> = ({ row, onClose, onNext }) => {
  const { t } = useNetworkingTranslation();
  const [namespace, setNamespace] = React.useState(row.namespaces[0] ?? '');
  const [picked, setPicked] = React.useState<string[]>([]);
  const namespaces = React.useMemo(() => (namespace ? [namespace] : []), [namespace]);
  const { vms, loaded, problems } = useVmsOf(namespaces, false);
  const sorted = React.useMemo(
    () => [...vms].sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '')),
    [vms],
  );
  return (
    <Modal
      isOpen
      onClose={onClose}
      variant="medium"
      aria-labelledby="vm-networking-attach-to-vms"
      data-test="attach-to-vms-modal"
    >
      <ModalHeader
        title={t('Attach {{name}} to VMs', { name: row.name })}
        labelId="vm-networking-attach-to-vms"
      />
      <ModalBody>
        {!row.namespaces.length ? (
          <Alert
            isInline
            variant="info"
            title={t('This network reaches no namespace that you can read.')}
          />
        ) : (
          <Form onSubmit={(e) => e.preventDefault()}>
            <FormGroup label={t('Namespace')} fieldId="attach-to-vms-namespace">
              <FormSelect
                id="attach-to-vms-namespace"
                value={namespace}
                isDisabled={row.namespaces.length < 2}
                onChange={(_e, v) => {
                  setNamespace(v);
                  setPicked([]);
                }}
              >
                {row.namespaces.map((ns) => (
                  <FormSelectOption key={ns} value={ns} label={ns} />
                ))}
              </FormSelect>
            </FormGroup>
            <FormGroup
              label={t('VirtualMachines')}
              role="group"
              fieldId="attach-to-vms-list"
              isStack
            >
              {problems.map((p) => (
                <Alert
                  key={p.kind}
                  isInline
                  variant="warning"
                  title={t('{{kind}} in {{namespace}} could not be read: {{error}}', {
                    kind: p.kind,
                    namespace: p.namespace ?? '',
                    error: messageOf(p.error),
                  })}
                />
              ))}
              {!loaded ? (
                <Spinner size="md" aria-label={t('Loading VirtualMachines')} />
              ) : !sorted.length && !problems.length ? (
                <div data-test="attach-to-vms-none">
                  {t('No VirtualMachine in {{namespace}}.', { namespace })}
                </div>
              ) : (
                sorted.map((vm) => {
                  const name = vm.metadata?.name ?? '';
                  return (
                    <Checkbox
                      key={name}
                      id={`attach-to-vms-${name}`}
                      label={name}
                      isChecked={picked.includes(name)}
                      onChange={(_e, on) =>
                        setPicked((p) => (on ? [...p, name] : p.filter((n) => n !== name)))
                      }
                      data-test={`attach-to-vm-${name}`}
                    />
                  );
                })
              )}
            </FormGroup>
          </Form>
        )}
      </ModalBody>
      <ModalFooter>
        <Button
          variant="primary"
          isDisabled={!picked.length}
          onClick={() =>
            onNext(
              namespace,
              sorted.filter((v) => picked.includes(v.metadata?.name ?? '')),
            )
          }
          data-test="attach-to-vms-next"
        >
          {t('Next')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export const AttachToVMsModal: React.FC<{ row: NetworkRow; onClose: () => void }> = ({
  row,
  onClose,
}) => {
  const [chosen, setChosen] = React.useState<{ namespace: string; vms: VirtualMachine[] }>();
  if (!chosen)
    return (
      <PickVMs
        row={row}
        onClose={onClose}
        onNext={(namespace, vms) => setChosen({ namespace, vms })}
      />
    );
  // A (C)UDN's NAD in each namespace has the network's name; a NAD is itself.
  return (
    <React.Suspense fallback={null}>
      <BulkAttachNetworkModal
        vms={chosen.vms}
        network={`${chosen.namespace}/${row.name}`}
        closeModal={onClose}
      />
    </React.Suspense>
  );
};

export default AttachToVMsModal;
