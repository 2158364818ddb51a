/**
 * Policy analysis speed on synthetic data: one what-if query in a namespace with 2,000
 * MultiNetworkPolicies and 1,000 VMs (budget 5 ms), and the matrix of 200 interfaces (budget 1 s).
 */
import { performance } from 'perf_hooks';
import { PolicyAnalysis } from '../../src/core/policy/analysis';
import { buildMatrix } from '../../src/core/policy/matrix';
import { syntheticCluster } from '../../src/core/policy/synthetic';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  budget?: number;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export async function run(): Promise<BenchResult[]> {
  const t0 = performance.now();
  // 50 AdminNetworkPolicies and a BaselineAdminNetworkPolicy on the VMs' pod network interfaces.
  const big = new PolicyAnalysis(syntheticCluster(1000, 2000, 'bench', { adminPolicies: 50 }));
  const build = performance.now() - t0;

  // Mixed questions: ICMP and ports, by address and by VM, both directions.
  const queries = 500;
  const t1 = performance.now();
  for (let i = 0; i < queries; i++) {
    const j = (i * 37) % 1000;
    big.evaluate(
      i % 4 === 3
        ? {
            endpoint: `bench/vm-${i % 1000}`,
            interface: 'default',
            direction: 'ingress',
            peer: { endpoint: `bench/vm-${j}`, interface: 'default' },
            protocol: 'TCP',
            port: 1000 + (i % 50),
          }
        : i % 2
          ? {
              endpoint: `bench/vm-${i % 1000}`,
              direction: 'ingress',
              peer: { ip: `10.20.${Math.floor(j / 250)}.${(j % 250) + 1}` },
              protocol: 'TCP',
              port: 8080,
            }
          : {
              endpoint: `bench/vm-${i % 1000}`,
              direction: 'egress',
              peer: { endpoint: `bench/vm-${j}` },
            },
    );
  }
  const perQuery = (performance.now() - t1) / queries;

  const small = new PolicyAnalysis(syntheticCluster(200, 2000, 'bench', { adminPolicies: 50 }));
  const t2 = performance.now();
  const matrix = buildMatrix(small, { namespace: 'bench', networkId: 'nad:tenant-net' });
  const matrixMs = performance.now() - t2;
  if (matrix.peers.filter((p) => p.kind === 'interface').length !== 200)
    throw new Error('matrix has not 200 interfaces');
  // The same 200 VMs on the pod network, where the 50 ANPs and the BANP apply.
  const t3 = performance.now();
  const podMatrix = buildMatrix(small, { namespace: 'bench', networkId: 'pod' });
  const podMatrixMs = performance.now() - t3;
  if (podMatrix.peers.filter((p) => p.kind === 'interface').length !== 200)
    throw new Error('pod-network matrix has not 200 interfaces');

  return [
    {
      name: 'policy: index build (1,000 VMs, 2,000 MNPs, 50 ANPs + BANP)',
      value: round(build),
      unit: 'ms',
    },
    {
      name: 'policy: what-if query (1,000 VMs, 2,000 MNPs, 50 ANPs + BANP)',
      value: round(perQuery),
      unit: 'ms',
      budget: 5,
    },
    {
      name: 'policy: matrix of 200 interfaces (2,000 MNPs)',
      value: round(matrixMs),
      unit: 'ms',
      budget: 1000,
    },
    {
      name: 'policy: matrix of 200 pod-network interfaces (50 ANPs + BANP)',
      value: round(podMatrixMs),
      unit: 'ms',
      budget: 1000,
    },
  ];
}

if (require.main === module) {
  run().then((r) => console.table(r));
}
