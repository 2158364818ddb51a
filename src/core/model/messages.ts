/**
 * Every user-visible sentence the domain core produces, as English i18next keys with `{{param}}`
 * placeholders. The core returns `{ message: MESSAGES.x, params }`; the view calls
 * `t(message, params)` with `useTranslation('plugin__vm-networking-console-plugin')`.
 *
 * The local `t` only marks the literals so that i18next-parser (which looks for `t('…')` calls)
 * extracts them into locales/en/plugin__vm-networking-console-plugin.json when src/core is in its
 * input; it translates nothing itself.
 */
const t = <S extends string>(key: S): S => key;

export interface Message {
  message: string;
  params?: Record<string, string | number>;
}

export const msg = (message: string, params?: Message['params']): Message =>
  params ? { message, params } : { message };

export const MESSAGES = {
  // Binding meanings
  masquerade: t(
    'The guest is always 10.0.2.2/24 behind the gateway 10.0.2.1; its traffic leaves as the pod IP {{podIP}}, then as the node IP.',
  ),
  masqueradeNoPod: t(
    'The guest is always 10.0.2.2/24 behind the gateway 10.0.2.1; its traffic leaves as the pod IP, then as the node IP.',
  ),
  l2bridgePrimary: t(
    'The guest holds the user-defined network address {{address}} itself; its gateway is the network gateway {{gateway}}.',
  ),
  l2bridgePrimaryNoAddress: t(
    'The guest holds its user-defined network address itself (by DHCP from OVN); its gateway is the network gateway.',
  ),
  bridgeSecondary: t(
    'The pod gives its address on this network to the guest ({{address}}); the guest is on the network at layer 2.',
  ),
  bridgeSecondaryNoAddress: t(
    'The pod gives its address on this network to the guest; the guest is on the network at layer 2.',
  ),
  bridgeUndecided: t(
    'The guest is bridged at layer 2 to the network that carries this NIC, which could not be decided (see the note on the network).',
  ),
  bridgeSecondaryNoIpam: t(
    'The guest is bridged to the network at layer 2; the network hands out no address, so the guest configures its own.',
  ),
  bridgePodNetwork: t(
    'The pod gives its cluster network address {{address}} to the guest; the pod keeps no address of its own on it.',
  ),
  bridgePodNetworkNoAddress: t(
    'The pod gives its cluster network address to the guest; the pod keeps no address of its own on it.',
  ),
  sriov: t(
    'The guest drives an SR-IOV virtual function of the node NIC directly; traffic bypasses the pod network stack.',
  ),
  passt: t(
    'passt copies the pod address into the guest and forwards its traffic in user space inside the pod.',
  ),
  macvtap: t('The guest NIC is a macvtap device on the pod interface, close to the node NIC.'),
  plugin: t('The binding plugin "{{name}}" wires this NIC; KubeVirt delegates to it.'),
  masqueradeDualStack: t(
    'The guest is always 10.0.2.2/24 behind the gateway 10.0.2.1 and fd10:0:2::2/120 behind fd10:0:2::1; its traffic is NATed to the pod IPs {{podIP}}, then leaves as the node IP.',
  ),
  bindingUnknown: t(
    'KubeVirt gives this automatically added interface the cluster default binding (KubeVirt configuration defaultNetworkInterface); it is known once the instance runs.',
  ),
  // Network kinds
  kindPodNetwork: t('Cluster pod network'),
  kindPrimaryUdn: t('Primary user-defined network'),
  kindPrimaryCudn: t('Primary cluster user-defined network'),
  kindUdn: t('User-defined network'),
  kindCudn: t('Cluster user-defined network'),
  kindNad: t('Network attachment definition ({{type}})'),
  kindMissing: t('Missing network attachment definition'),
  kindUnknown: t('Unknown network'),
  // VM-level and row-level states
  stateDraft: t('This virtual machine does not exist yet; nothing has been created.'),
  stateStopped: t('The virtual machine is stopped: only its spec is shown.'),
  stateStarting: t(
    'The instance is starting; pod-side facts appear once its virt-launcher pod runs.',
  ),
  stateRunning: t('Running.'),
  stateMigrating: t('Live migration in progress: the target pod is {{pod}}.'),
  stateStopping: t('The virtual machine is stopping.'),
  stateUnknown: t('The state of the virtual machine is unknown: its instance could not be read.'),
  noGuestAgent: t('No guest agent is connected: guest IP addresses are partial or missing.'),
  podMissing: t('The virt-launcher pod of this instance was not found.'),
  createFirst: t('Create {{kind}} {{name}} first.'),
  unreadable: t('{{resource}} could not be read: {{error}}'),
  forbidden: t('You may not read {{resource}}; facts that depend on it are not shown.'),
  nadMissingRow: t('NetworkAttachmentDefinition {{namespace}}/{{name}} does not exist.'),
  nadConfigError: t('The NAD config is not valid JSON: {{error}}'),
  annotationError: t('The pod annotation {{annotation}} is not valid: {{error}}'),
  podNameMismatch: t(
    'KubeVirt would name this pod interface {{expected}}, but the pod reports {{actual}}.',
  ),
  notReported: t(
    'The running instance reports nothing for this interface yet: guest facts are not reported.',
  ),
  sriovNoPolicy: t(
    'MultiNetworkPolicies are not enforced on this SR-IOV VF: it is bound to vfio-pci and driven by the guest, outside the pod network namespace where policies are applied.',
  ),
  sriovNoModel: t('An SR-IOV VF is passed through to the guest: it has no emulated model.'),
  primaryUndecided: t(
    'Namespace {{namespace}} could not be read: its labels decide whether {{networks}} carries this NIC instead of the cluster pod network.',
  ),
  primaryUndecidedUnread: t(
    'Namespace {{namespace}} could not be read, nor could the UserDefinedNetworks and ClusterUserDefinedNetworks: whether a primary UDN carries this NIC instead of the cluster pod network is unknown.',
  ),
  lockedDefault: t(
    'The pod keeps {{interface}} on the cluster default network for the infrastructure (infrastructure-locked); the guest cannot use it.',
  ),
  missingCauseCudn: t(
    'ClusterUserDefinedNetwork {{name}} exists, but its namespace selector {{selector}} does not select namespace {{namespace}}, so it rendered no NAD here.',
  ),
  missingCauseUdn: t(
    'A UserDefinedNetwork {{name}} exists in {{namespaces}}, not in {{namespace}}: a UDN only serves its own namespace.',
  ),
  rowFailed: t('The facts of this interface could not be built: {{error}}'),
  dataProblem: t('{{kind}} {{name}} has a bad value at {{field}}: {{problem}}'),
  autoPodInterface: t(
    'The VM lists no interfaces and no networks: KubeVirt adds the pod network interface "default" (autoattachPodInterface is true unless set false).',
  ),
  // Hot-plug
  hotplugAbsent: t('Marked absent: being unplugged.'),
  hotplugPendingRestart: t('Added to the VM; the guest gets it at the next restart.'),
  hotplugPendingMigration: t('Added to the VM; it is plugged in once the VM live-migrates.'),
  hotplugNotInInstance: t('In the instance spec but not yet in the running domain.'),
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** Diagnostics: per rule a one-line explanation, the finding and, where one applies, the fix. */
export const DIAGNOSTIC_MESSAGES = {
  nadMissing: t(
    'The NIC {{interface}} refers to NetworkAttachmentDefinition {{nad}}, which does not exist.',
  ),
  nadMissingExplain: t(
    'The VM cannot start: Multus fails the pod when a referenced NAD is missing.',
  ),
  nadMissingFix: t('Create the NAD in {{namespace}}, or point the network at an existing one.'),
  nadMissingCudnFix: t(
    'ClusterUserDefinedNetwork {{cudn}} has this name but its namespace selector {{selector}} does not select {{namespace}}: add {{namespace}} to the selector (or label the namespace to match).',
  ),
  nadMissingUdnFix: t(
    'UserDefinedNetwork {{udn}} exists in {{namespaces}}, not in {{namespace}}: a UDN only serves its own namespace. Create it in {{namespace}}, or use a ClusterUserDefinedNetwork selecting both.',
  ),
  sriovPolicy: t('MultiNetworkPolicies do not filter the SR-IOV NIC {{interface}}.'),
  sriovPolicyExplain: t(
    'The VF is bound to vfio-pci and driven by the guest, outside the pod network namespace where MultiNetworkPolicy rules are applied; OpenShift supports multi-network policies on SR-IOV only for kernel NICs.',
  ),
  badData: t('{{kind}} {{name}}: {{field}} {{problem}}.'),
  badDataExplain: t(
    'The value was left out; only the facts that depend on it are missing. The raw value is shown with the object.',
  ),
  cnvBridge: t('NAD {{nad}} uses the plugin type "cnv-bridge".'),
  cnvBridgeExplain: t('cnv-bridge is an old alias of the Linux bridge plugin; use "bridge".'),
  cnvBridgeFix: t('Set "type": "bridge" in the NAD config.'),
  unknownKeys: t('NAD {{nad}} has keys the {{type}} plugin ignores: {{keys}}.'),
  unknownKeysExplain: t(
    'CNI plugins silently ignore keys they do not know, so a misspelt option does nothing.',
  ),
  unknownKeysFix: t('Rename or remove them ({{renames}}).'),
  localnetNoMapping: t(
    'No node maps the localnet network "{{network}}" of NAD {{nad}} to a bridge.',
  ),
  localnetMappedByNadName: t(
    'The bridge mapping uses the NAD object name "{{nadName}}"; it must use the network name "{{network}}".',
  ),
  localnetExplain: t(
    'Localnet traffic leaves a node only through an OVN bridge mapping keyed by the network name (physicalNetworkName, else the config name).',
  ),
  localnetFix: t('Map "{{network}}" to a bridge with a NodeNetworkConfigurationPolicy.'),
  localnetUnchecked: t(
    'Not checked: whether a node maps the localnet network "{{network}}" to a bridge. No NodeNetworkConfigurationPolicy or NodeNetworkState could be read, and only they show the mappings.',
  ),
  localnetUncheckedExplain: t(
    'OVN-Kubernetes maps a localnet network to a node bridge through the ovn-bridge-mappings setting of Open vSwitch on each node; NMState reports it, and without NMState nothing the console can read does.',
  ),
  localnetUncheckedFix: t(
    'Read the mappings on a node that runs the VM: oc debug node/<node> -- chroot /host ovs-vsctl get Open_vSwitch . external_ids:ovn-bridge-mappings',
  ),
  netAttachDefName: t('NAD {{nad}} says netAttachDefName "{{value}}"; it must be "{{expected}}".'),
  netAttachDefNameExplain: t(
    'OVN-Kubernetes ignores a NAD whose netAttachDefName is not its own namespace/name.',
  ),
  netAttachDefNameFix: t('Set "netAttachDefName": "{{expected}}" in the NAD config.'),
  localnetConflict: t(
    'NADs {{nads}} share the network name "{{network}}" with different {{field}}.',
  ),
  localnetConflictExplain: t(
    'An OVN network name is cluster-wide: every NAD using it must have the same VLAN and MTU.',
  ),
  localnetConflictFix: t(
    'Give each VLAN or MTU its own network name, sharing the bridge through physicalNetworkName.',
  ),
  primaryLabelNoUdn: t(
    'Namespace {{namespace}} is labelled for a primary user-defined network but has none.',
  ),
  primaryUdnNoLabel: t(
    'Namespace {{namespace}} has primary network {{udn}} but lacks the label k8s.ovn.org/primary-user-defined-network.',
  ),
  primaryUdnExplain: t(
    'A primary UDN needs both the namespace label (set at namespace creation) and exactly one primary UDN or CUDN.',
  ),
  primaryLabelNoUdnFix: t(
    'Create a primary UserDefinedNetwork in the namespace before starting VMs.',
  ),
  primaryUdnNoLabelFix: t('Recreate the namespace with the label; it cannot be added later.'),
  bindingOnPrimaryUdn: t(
    'The NIC {{interface}} uses the {{binding}} binding on a primary user-defined network.',
  ),
  bindingOnPrimaryUdnExplain: t(
    'On a primary UDN the pod network NIC must use the l2bridge binding (or passt).',
  ),
  bindingOnPrimaryUdnFix: t('Use binding: {name: l2bridge} on {{interface}}.'),
  multiplePodNetworks: t('The VM has {{count}} pod network interfaces: {{interfaces}}.'),
  multiplePodNetworksExplain: t(
    'KubeVirt allows one pod network (or one Multus default network) per VM.',
  ),
  multiplePodNetworksFix: t('Keep one; attach the others through NADs.'),
  mtuTooLarge: t(
    'The network of {{interface}} has MTU {{mtu}}, larger than the {{what}} MTU {{limit}}.',
  ),
  mtuTooLargeExplain: t('Frames larger than the path MTU are dropped silently.'),
  mtuTooLargeFix: t('Lower the MTU to {{limit}} or less.'),
  twoDefaultRoutes: t(
    'The secondary network of {{interface}} hands out a gateway ({{gateway}}) next to the primary one.',
  ),
  twoDefaultRoutesExplain: t(
    'The guest ends up with two default routes and sends traffic out of the wrong NIC.',
  ),
  twoDefaultRoutesFix: t(
    'Remove the gateway from the secondary network, or give its route a higher metric in the guest.',
  ),
  guestAgentMissing: t('The guest agent is not connected: IP addresses are partial.'),
  guestAgentMissingExplain: t(
    'Only the guest agent reports addresses configured inside the guest.',
  ),
  guestAgentMissingFix: t('Install and start qemu-guest-agent in the guest.'),
  macMismatch: t(
    'The NIC {{interface}} reports MAC {{reported}}, not the configured {{configured}}.',
  ),
  macMismatchExplain: t(
    'The guest overrode its MAC, or the change is waiting for a restart; policies and DHCP reservations keyed by MAC will not match.',
  ),
  macMismatchFix: t('Restart the VM, or stop the guest from changing its MAC.'),
  hotplugPending: t(
    'The NIC {{interface}} is not in the guest yet: it waits for a restart or a live migration.',
  ),
  hotplugPendingExplain: t(
    'Hot-plugged NICs reach the guest only after a live migration or a restart.',
  ),
  hotplugPendingFix: t('Migrate or restart the VM.'),
} as const;
