/** The wizards' later steps, fetched when first shown (their own chunks). */
import { lazyPart } from './lazy-part';

export const NetworkFields = lazyPart(
  () =>
    import(/* webpackChunkName: "wizard-network-fields" */ './NetworkFields').then((m) => ({
      default: m.NetworkFields,
    })),
  // The component is generic over the wizard's state; the lazy wrapper keeps its signature.
) as unknown as typeof import('./NetworkFields').NetworkFields;

export const BridgeMappingFields = lazyPart(() =>
  import(/* webpackChunkName: "wizard-bridge-mapping" */ './BridgeMappingFields').then((m) => ({
    default: m.BridgeMappingFields,
  })),
);
