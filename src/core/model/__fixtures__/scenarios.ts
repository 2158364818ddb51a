/** The demo and field captures as networking-model inputs: the bases the property tests mutate. */
import type { NetworkingInput } from '../types';
import { demoInput } from './demo';
import { wzInput } from './field';

export const CAPTURE_SCENARIOS: (() => NetworkingInput)[] = [
  () => demoInput('01-vm-pod-masquerade.yaml'),
  () => demoInput('02-vm-primary-udn-l2bridge.yaml'),
  () => demoInput('03-vm-primary-plus-secondary-udn.yaml'),
  () => demoInput('04-vm-localnet-vlan1924.yaml'),
  () => demoInput('05-vm-linux-bridge-vlan33.yaml'),
  () => demoInput('06-localnet-multinetworkpolicies.yaml', 'centos-stream9-gold-rabbit-80'),
  wzInput,
];
