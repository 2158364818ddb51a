/**
 * Delete a network, its impact stated first: the VMs and NICs on it. A network in use (or whose
 * VMs could not all be read) needs its name typed to confirm.
 */
import * as React from 'react';
import {
  Alert,
  Button,
  Form,
  FormGroup,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextInput,
} from '@patternfly/react-core';
import { k8sDelete } from '@openshift-console/dynamic-plugin-sdk';
import { Models } from '../../core/k8s/models';
import { deleteImpact, type NetworkRow } from '../../core/network-list';
import { useNetworkingTranslation } from '../shared/i18n';
import { messageOf } from '../shared/k8s-errors';
import { k8sModelOf } from '../shared/wizard/k8s';
import type { Problem } from './useNetworkList';

export const DeleteNetworkModal: React.FC<{
  row: NetworkRow;
  /** VMs of some namespaces the network reaches could not be read: the impact is partial. */
  vmProblems: Problem[];
  vmsLoaded: boolean;
  onClose: () => void;
  onDeleted?: () => void;
}> = ({ row, vmProblems, vmsLoaded, onClose, onDeleted }) => {
  const { t } = useNetworkingTranslation();
  const impact = deleteImpact(row);
  const partial = vmProblems.length > 0 || !vmsLoaded;
  // Fail closed: when we cannot tell, treat it as in use.
  const guarded = impact.inUse || partial;
  const [typed, setTyped] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string>();
  const nicCount = impact.vms.reduce((n, v) => n + v.nics.length, 0);

  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await k8sDelete({ model: k8sModelOf(Models[row.kind]), resource: row.object as never });
      onDeleted?.();
      onClose();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  return (
    <Modal
      isOpen
      onClose={onClose}
      variant="medium"
      aria-labelledby="vm-networking-delete-title"
      data-test="delete-network-modal"
    >
      <ModalHeader
        title={t('Delete {{kind}} {{name}}?', { kind: row.kind, name: row.name })}
        labelId="vm-networking-delete-title"
        titleIconVariant="warning"
      />
      <ModalBody>
        {impact.inUse ? (
          <Alert
            isInline
            variant="danger"
            title={t('In use: VirtualMachines {{vms}}, NICs {{nics}}', {
              vms: impact.vms.length,
              nics: nicCount,
            })}
            data-test="delete-impact"
          >
            <p>
              {t(
                'A VM that starts, restarts or migrates after the deletion cannot attach these NICs; running VMs keep what they have until then.',
              )}
            </p>
            <List>
              {impact.vms.map((vm) => (
                <ListItem key={`${vm.namespace}/${vm.name}`} data-test={`impact-vm-${vm.name}`}>
                  {t('{{namespace}}/{{vm}}: NIC {{nics}}', {
                    namespace: vm.namespace,
                    vm: vm.name,
                    nics: vm.nics.join(', '),
                  })}
                </ListItem>
              ))}
            </List>
          </Alert>
        ) : partial ? null : (
          <Alert
            isInline
            variant="info"
            title={t('No VirtualMachine uses this network.')}
            data-test="delete-impact"
          />
        )}
        {partial && (
          <Alert
            isInline
            variant="warning"
            title={t('The impact may be incomplete')}
            data-test="delete-impact-partial"
          >
            {vmsLoaded
              ? vmProblems.map((p) => (
                  <p key={`${p.kind}/${p.namespace}`}>
                    {t('{{kind}} in {{namespace}} could not be read: {{error}}', {
                      kind: p.kind,
                      namespace: p.namespace ?? '',
                      error: messageOf(p.error),
                    })}
                  </p>
                ))
              : t('The VirtualMachines are still loading.')}
          </Alert>
        )}
        {row.kind !== 'NetworkAttachmentDefinition' && row.renderedNads.length > 0 && (
          <p>
            {t(
              'OVN-Kubernetes deletes the NetworkAttachmentDefinitions it rendered for it: {{nads}}.',
              {
                nads: row.renderedNads.map((n) => `${n.namespace}/${n.name}`).join(', '),
              },
            )}
          </p>
        )}
        {guarded && (
          <Form onSubmit={(e) => e.preventDefault()}>
            <FormGroup
              label={t('Type {{name}} to confirm', { name: row.name })}
              fieldId="vm-networking-delete-confirm"
            >
              <TextInput
                id="vm-networking-delete-confirm"
                value={typed}
                onChange={(_e, v) => setTyped(v)}
                autoComplete="off"
              />
            </FormGroup>
          </Form>
        )}
        {error && (
          <Alert isInline variant="danger" title={t('Not deleted')} data-test="delete-error">
            {error}
          </Alert>
        )}
      </ModalBody>
      <ModalFooter>
        <Button
          variant="danger"
          onClick={() => void remove()}
          isDisabled={busy || (guarded && typed !== row.name)}
          isLoading={busy}
          data-test="delete-confirm"
        >
          {t('Delete')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export default DeleteNetworkModal;
