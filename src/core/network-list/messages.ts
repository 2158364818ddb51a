/**
 * Sentences the network list produces, as i18next keys with `{{param}}` placeholders (see
 * ../model/messages.ts for the convention): the core returns `{ message, params }`, the view
 * translates.
 */
import type { Message } from '../model/messages';

const t = <S extends string>(key: S): S => key;

export type { Message };

/**
 * Same shape as ../model/messages.ts `msg`; defined here so the pages do not load every sentence
 * of the Networking tab.
 */
export const msg = (message: string, params?: Message['params']): Message =>
  params ? { message, params } : { message };

export const LIST_MESSAGES = {
  conditionFalse: t('{{type}} is False: {{reason}} {{message}}'),
  conditionUnknown: t('{{type}} is Unknown: {{reason}} {{message}}'),
  noConditions: t('The controller has reported no condition yet.'),
  unknownTopology: t('Unknown topology "{{topology}}": this plugin cannot read its settings.'),
  noTopology: t('The spec names no topology (or no block for it).'),
  nadConfigUnreadable: t('The NAD config cannot be read: {{error}}'),
  nadNoStatus: t('A NetworkAttachmentDefinition reports no status; its config parses.'),
  ownerNotListed: t(
    'Rendered by {{kind}} {{name}}, which is not in this list (not readable or deleted).',
  ),
  objectUnreadable: t('This object cannot be read: {{error}}'),
  // The network in words (details page)
  describePrimary: t(
    "The primary network of its namespace(s): a VM's pod-network NIC is on it instead of the cluster pod network (binding l2bridge or passt).",
  ),
  describeLayer2: t(
    'A layer-2 overlay of OVN-Kubernetes spanning all nodes; VMs join it with an extra NIC (bridge binding).',
  ),
  describeLayer3: t('A routed overlay of OVN-Kubernetes, one subnet per node.'),
  describeLocalnet: t(
    'Bridged to the physical network "{{physicalNetwork}}" on each node, through the OVS bridge the node maps it to.',
  ),
  describeLinuxBridge: t('Bridged to the Linux bridge {{bridge}} on each node.'),
  describeOtherPlugin: t('Attached by the CNI plugin "{{type}}".'),
  describeVlan: t('Traffic is tagged with VLAN {{vlan}}.'),
  describeNoVlan: t("No VLAN is set: traffic leaves untagged (or on the bridge port's own VLAN)."),
  describeIpam: t('Addresses are assigned from {{subnets}}.'),
  describeNoIpam: t(
    'The network assigns no addresses: guests configure their own, statically or by DHCP from the underlay.',
  ),
  describeIpamPlugin: t('The IPAM plugin "{{type}}" assigns addresses.'),
  describeMtu: t('MTU {{mtu}}.'),
  describeNoMtu: t("No MTU is set: the plugin's default applies."),
} as const;
