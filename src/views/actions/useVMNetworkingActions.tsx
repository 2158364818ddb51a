/**
 * `console.action/resource-provider` for VirtualMachines: Attach network…, Detach network…, the
 * network and policy wizards for the VM's namespace, and the networking-first creation page. The
 * modals load on demand; the wizards are links (their code loads on their own pages).
 */
import * as React from 'react';
import { useModal, type Action } from '@openshift-console/dynamic-plugin-sdk';
import { Models } from '../../core/k8s/models';
import type { VirtualMachine } from '../../core/k8s/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { mnpUrls } from '../mnp-wizard/urls';
import { wizardUrls } from '../shared/wizard/urls';
import { createVMUrl } from './urls';

const AttachNetworkModal = React.lazy(
  () => import(/* webpackChunkName: "attach-network-modal" */ './AttachNetworkModal'),
);
const DetachNetworkModal = React.lazy(
  () => import(/* webpackChunkName: "detach-network-modal" */ './DetachNetworkModal'),
);

export const withSuspense =
  <P extends object>(Component: React.ComponentType<P>): React.FC<P> =>
  // eslint-disable-next-line react/display-name
  (props: P) => (
    <React.Suspense fallback={null}>
      <Component {...props} />
    </React.Suspense>
  );

const BulkAttachNetworkModal = React.lazy(
  () => import(/* webpackChunkName: "bulk-attach-network-modal" */ './BulkAttachNetworkModal'),
);

export const LazyAttachNetworkModal = withSuspense(AttachNetworkModal);
export const LazyBulkAttachNetworkModal = withSuspense(BulkAttachNetworkModal);
export const LazyDetachNetworkModal = withSuspense(DetachNetworkModal);

const accessReview = (vm: VirtualMachine) => ({
  group: Models.VirtualMachine.group,
  resource: Models.VirtualMachine.plural,
  verb: 'patch' as const,
  name: vm.metadata?.name,
  namespace: vm.metadata?.namespace,
});

export const useVMNetworkingActions = (vm: VirtualMachine): [Action[], boolean, unknown] => {
  const { t } = useNetworkingTranslation();
  const launchModal = useModal();
  const actions = React.useMemo<Action[]>(() => {
    if (!vm?.metadata?.name) return [];
    const hasInterfaces = !!vm.spec?.template?.spec?.domain?.devices?.interfaces?.length;
    return [
      {
        id: 'vm-networking-attach-network',
        label: t('Attach network…'),
        cta: () => launchModal(LazyAttachNetworkModal as never, { vm }),
        accessReview: accessReview(vm),
      },
      {
        id: 'vm-networking-detach-network',
        label: t('Detach network…'),
        cta: () => launchModal(LazyDetachNetworkModal as never, { vm }),
        disabled: !hasInterfaces,
        disabledTooltip: t('This VM has no network interface'),
        accessReview: accessReview(vm),
      },
      {
        id: 'vm-networking-create-udn',
        label: t('Create UserDefinedNetwork…'),
        cta: { href: wizardUrls.newUDN(vm.metadata.namespace ?? '') },
        accessReview: {
          group: Models.UserDefinedNetwork.group,
          resource: Models.UserDefinedNetwork.plural,
          verb: 'create',
          namespace: vm.metadata.namespace,
        },
      },
      {
        id: 'vm-networking-create-nad',
        label: t('Create NetworkAttachmentDefinition…'),
        cta: { href: wizardUrls.newNAD(vm.metadata.namespace ?? '') },
        accessReview: {
          group: Models.NetworkAttachmentDefinition.group,
          resource: Models.NetworkAttachmentDefinition.plural,
          verb: 'create',
          namespace: vm.metadata.namespace,
        },
      },
      {
        id: 'vm-networking-create-mnp',
        label: t('Create MultiNetworkPolicy for this VM…'),
        cta: { href: mnpUrls.newMNP(vm.metadata.namespace ?? '', { vm: vm.metadata.name }) },
        accessReview: {
          group: Models.MultiNetworkPolicy.group,
          resource: Models.MultiNetworkPolicy.plural,
          verb: 'create',
          namespace: vm.metadata.namespace,
        },
      },
      {
        id: 'vm-networking-create-vm',
        label: t('Create VirtualMachine (networking first)'),
        cta: { href: createVMUrl(vm.metadata.namespace ?? '') },
      },
    ];
  }, [vm, t, launchModal]);
  return [actions, true, undefined];
};

export default useVMNetworkingActions;

/**
 * `console.action/provider` with contextId `kubevirt.io~v1~VirtualMachine[]` (kubevirt-plugin's VM
 * list bulk actions, 4.21+): attach one network to the selected VMs.
 */
export const useVMBulkNetworkingActions = (vms: VirtualMachine[]): [Action[], boolean, unknown] => {
  const { t } = useNetworkingTranslation();
  const launchModal = useModal();
  const actions = React.useMemo<Action[]>(
    () =>
      vms?.length
        ? [
            {
              id: 'vm-networking-bulk-attach-network',
              label: t('Attach network…'),
              cta: () => launchModal(LazyBulkAttachNetworkModal as never, { vms }),
            },
          ]
        : [],
    [vms, t, launchModal],
  );
  return [actions, true, undefined];
};
