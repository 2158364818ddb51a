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
  bridgeSecondaryNoIpam: t(
    'The guest is bridged to the network at layer 2; the network hands out no address, so the guest configures its own.',
  ),
  bridgePodNetwork: t(
    'The pod gives its cluster network address {{address}} to the guest; the pod keeps no address of its own on it.',
  ),
  sriov: t(
    'The guest drives an SR-IOV virtual function of the node NIC directly; traffic bypasses the pod network stack.',
  ),
  passt: t(
    'passt copies the pod address into the guest and forwards its traffic in user space inside the pod.',
  ),
  macvtap: t('The guest NIC is a macvtap device on the pod interface, close to the node NIC.'),
  plugin: t('The binding plugin "{{name}}" wires this NIC; KubeVirt delegates to it.'),
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
  // Hot-plug
  hotplugAbsent: t('Marked absent: being unplugged.'),
  hotplugPendingRestart: t('Added to the VM; the guest gets it at the next restart.'),
  hotplugPendingMigration: t('Added to the VM; it is plugged in once the VM live-migrates.'),
  hotplugNotInInstance: t('In the instance spec but not yet in the running domain.'),
} as const;

export type MessageKey = keyof typeof MESSAGES;
