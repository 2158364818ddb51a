/**
 * What the Networking tab can show before any list has answered: the NICs the VM spec itself
 * names, from the model built on the VM object alone. The view shows of each only the spec's part
 * (name, binding, model as written); every other fact waits for the objects it comes from.
 */
import type { VirtualMachine } from '../k8s/types';
import { buildNetworkingModel } from './interface-model';
import type { NetworkingModel } from './types';

export interface SpecRows {
  namespace: string;
  vmName: string;
  interfaces: NetworkingModel['interfaces'];
}

export const specRowsOf = (vm: VirtualMachine): SpecRows | undefined => {
  let model: NetworkingModel;
  try {
    model = buildNetworkingModel({ vm });
  } catch {
    return undefined; // the loaded model reports what is wrong with the spec
  }
  return {
    namespace: model.namespace,
    vmName: model.vmName,
    // The interface KubeVirt adds when the spec names none is what the instance shows (its name
    // and binding): not a fact of the spec, so it waits for the instance.
    interfaces: model.interfaces.filter((r) => r.binding.source !== 'cluster-default'),
  };
};
