/**
 * Sentences of VM creation and attach/detach, as English i18next keys with `{{param}}`
 * placeholders (the convention of src/core/model/messages.ts): the view calls `t(message, params)`.
 * The local `t` only marks the literals for i18next-parser.
 */
import type { Message } from '../model/messages';

const t = <S extends string>(key: S): S => key;

export const PLAN_MESSAGES = {
  // Binding choice
  whyMasquerade: t('The pod network uses masquerade: the guest sits behind NAT on the pod IP.'),
  whyL2bridge: t(
    'The namespace has a primary user-defined network: its pod network NIC uses the l2bridge binding.',
  ),
  whyBridge: t(
    'Secondary networks use the bridge binding: the guest is on the network at layer 2.',
  ),
  whySriov: t('SR-IOV networks use the sriov binding: the guest gets a virtual function.'),
  // Binding warnings
  primaryNeedsL2bridge: t(
    'The namespace has a primary user-defined network: {{binding}} does not work there; use l2bridge (or passt where offered).',
  ),
  podBridge: t(
    'bridge on the pod network hands the pod address to the guest and blocks live migration; masquerade is what OpenShift uses.',
  ),
  primaryOnlyBinding: t(
    '{{binding}} exists only for the primary user-defined network of a namespace; this namespace has none.',
  ),
  masqueradeOffPod: t(
    'masquerade works on the pod network only; KubeVirt refuses it here ("Masquerade interface only implemented with pod network"). Use bridge.',
  ),
  primaryBindingSecondary: t(
    '{{binding}} is for the primary user-defined network only; secondary networks need bridge.',
  ),
  sriovNeedsSriov: t('This is an SR-IOV network: only the sriov binding works on it.'),
  sriovOnNonSriov: t('sriov needs an SR-IOV network; this network needs bridge.'),
  passtUnavailable: t(
    'passt is not offered by this cluster: it needs OpenShift 4.20 or later with the passt binding enabled.',
  ),
  passtWrongFlavor: t(
    'This cluster offers passt as {{offered}}; {{binding}} will be refused or ignored.',
  ),
  layer3ForVm: t(
    'Layer3 networks give a VM a new address when it moves to another node; use Layer2 for VMs.',
  ),
  // Plan fields
  nameTaken: t('A VirtualMachine named "{{name}}" already exists in this namespace.'),
  dataSourceRequired: t('Choose a DataSource to boot from.'),
  imageRequired: t('Enter a container disk image, e.g. quay.io/containerdisks/fedora:latest.'),
  imageInvalid: t('"{{image}}" is not a container image reference.'),
  storageInvalid: t('Disk size must be a quantity such as 30Gi.'),
  instancetypeRequired: t('Choose an instance type.'),
  cpuInvalid: t('CPU must be a whole number from 1 to 512.'),
  memoryInvalid: t('Memory must be a quantity such as 2Gi.'),
  noInterfaces: t('The VM has no network interface: it will have no network at all.'),
  interfaceNameDuplicate: t('Interface name "{{name}}" is used twice.'),
  twoPodNetworks: t('Only one interface can be on the pod network.'),
  networkTwice: t('"{{network}}" is attached twice; OVN networks accept one NIC per VM.'),
  networkUnknown: t('The network "{{network}}" does not exist and is not part of this plan.'),
  modelInvalid: t('"{{model}}" is not a KubeVirt interface model.'),
  sriovLinkState: t('SR-IOV interfaces do not support setting the link state.'),
  // MAC addresses
  macFormat: t('A MAC address is six pairs of hex digits separated by ":" (02:00:00:00:00:01).'),
  macMulticast: t('{{mac}} is a multicast address; a NIC needs a unicast one (first byte even).'),
  macZero: t('00:00:00:00:00:00 is not a usable MAC address.'),
  macNotLocal: t(
    '{{mac}} is a globally administered address; prefer a locally administered one (second hex digit 2, 6, A or E) so it cannot clash with real hardware.',
  ),
  macDuplicate: t('{{mac}} is already used by {{owner}}.'),
  macDuplicatePlan: t('{{mac}} is used twice in this VM.'),
} as const;

export const pmsg = (message: string, params?: Message['params']): Message =>
  params ? { message, params } : { message };
