/**
 * The part of the model's work whose inputs are already here while the tab still waits for its
 * other lists: the shape check of every object that has arrived (sanitize.ts caches it per object)
 * and KubeVirt's hashed pod interface names of the VM's secondary networks (naming.ts caches them
 * per name). Done as each list arrives, it is no longer done after the last one, between the
 * last answer and the first screen. Nothing is computed that the model would not compute itself.
 */
import { hashedPodInterfaceName } from '../kubevirt/naming';
import { sanitizeInput } from './sanitize';
import type { NetworkingInput } from './types';

/** Never throws: bad data is the model's to report, when it is built. */
export const prepareNetworkingInput = (input: NetworkingInput): void => {
  try {
    sanitizeInput(input);
    const networks: unknown = input.vm?.spec?.template?.spec?.networks;
    if (!Array.isArray(networks)) return;
    for (const network of networks as unknown[]) {
      const { name, multus } = (network ?? {}) as { name?: unknown; multus?: unknown };
      if (typeof name === 'string' && multus) hashedPodInterfaceName(name);
    }
  } catch {
    // The model reads the same input again and reports what is wrong with it.
  }
};
