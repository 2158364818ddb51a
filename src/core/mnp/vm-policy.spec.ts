import { generateMNP } from './mnp';
import { defaultVMPolicyDraft, vmPolicyState } from './vm-policy';

const vm = { name: 'centos-stream9-green-ferret-41', namespace: 'llm-demo' };
const policyTypesOf = (draft: ReturnType<typeof defaultVMPolicyDraft>) =>
  (
    generateMNP(vmPolicyState(draft, vm, 'llm-demo-localnet-network')).spec as {
      policyTypes?: string[];
    }
  ).policyTypes;

describe("Create VM's per-interface policy", () => {
  it('isolates ingress only by default: egress is never cut without the user choosing it', () => {
    expect(policyTypesOf(defaultVMPolicyDraft('nic-1', '192.168.77.1'))).toEqual(['Ingress']);
  });

  it('isolates egress too when the user ticks it', () => {
    expect(
      policyTypesOf({ ...defaultVMPolicyDraft('nic-1', '192.168.77.1'), isolateEgress: true }),
    ).toEqual(['Ingress', 'Egress']);
  });
});
