/** Every verdict of an analysis, for specs that compare two worlds answer by answer. */
import type { K8sObject } from '../../k8s/types';
import { PolicyAnalysis } from '../analysis';

/**
 * Every verdict between the endpoints of `objects`, both directions, TCP 80, and to/from the
 * address 8.8.8.8 (with TCP 80 too when `portToAddress`, else for any connection).
 */
export const allVerdicts = (
  objects: K8sObject[],
  { portToAddress = false }: { portToAddress?: boolean } = {},
): Record<string, string> => {
  const a = new PolicyAnalysis(objects);
  const out: Record<string, string> = {};
  const tcp80 = { protocol: 'TCP', port: 80 } as const;
  for (const e of a.endpoints) {
    for (const direction of ['ingress', 'egress'] as const) {
      for (const p of a.endpoints) {
        if (p === e) continue;
        out[`${e.key} ${direction} ${p.key}`] = a.evaluate({
          endpoint: e,
          direction,
          peer: { endpoint: p },
          ...tcp80,
        }).verdict;
      }
      out[`${e.key} ${direction} 8.8.8.8`] = a.evaluate({
        endpoint: e,
        direction,
        peer: { ip: '8.8.8.8' },
        ...(portToAddress ? tcp80 : {}),
      }).verdict;
    }
  }
  return out;
};
