/**
 * The demo scenarios (preview/fixtures/demo, built from real captures: see its README) as model
 * inputs, one clone per call so a test can mutate them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readManifestFile } from '../../../../test-support/manifests';
import type { K8sObject, Pod, VirtualMachine, VirtualMachineInstance } from '../../k8s/types';
import type { NetworkingInput } from '../types';

export const DEMO_DIR = path.resolve(__dirname, '../../../../preview/fixtures/demo');

export const demoObjects = (file: string): K8sObject[] =>
  JSON.parse(JSON.stringify(readManifestFile(path.join(DEMO_DIR, file))));

/** Every demo scenario's objects, the shared cluster objects included, in file order. */
export const allDemoObjects = (): K8sObject[] =>
  fs
    .readdirSync(DEMO_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap(demoObjects);

export const inputOf = (objects: K8sObject[], vmName?: string): NetworkingInput => {
  const of = (kind: string) => objects.filter((o) => o.kind === kind);
  const vm = (
    vmName ? of('VirtualMachine').find((v) => v.metadata?.name === vmName) : of('VirtualMachine')[0]
  ) as VirtualMachine;
  const ns = vm.metadata?.namespace;
  return {
    vm,
    vmi:
      (of('VirtualMachineInstance').find(
        (v) => v.metadata?.name === vm.metadata?.name && v.metadata?.namespace === ns,
      ) as VirtualMachineInstance) ?? null,
    pods: of('Pod').filter((p) => p.metadata?.namespace === ns) as Pod[],
    nads: of('NetworkAttachmentDefinition') as never,
    udns: of('UserDefinedNetwork').filter((u) => u.metadata?.namespace === ns) as never,
    cudns: of('ClusterUserDefinedNetwork') as never,
    namespace: of('Namespace').find((n) => n.metadata?.name === ns) as never,
    nncps: of('NodeNetworkConfigurationPolicy') as never,
    nodeNetworkStates: of('NodeNetworkState') as never,
  };
};

/** A scenario file plus the shared cluster objects (00-cluster.yaml). */
export const demoInput = (file: string, vmName?: string): NetworkingInput => {
  const input = inputOf(demoObjects(file), vmName);
  const cluster = demoObjects('00-cluster.yaml');
  input.networkConfig = cluster.find(
    (o) => o.kind === 'Network' && o.apiVersion?.startsWith('operator.openshift.io'),
  ) as never;
  const config = cluster.find(
    (o) => o.kind === 'Network' && o.apiVersion?.startsWith('config.openshift.io'),
  );
  if (config) input.clusterNetwork = config as never;
  return input;
};

export const podOf = (input: NetworkingInput): Pod => (input.pods as Pod[])[0];
export const vmiOf = (input: NetworkingInput): VirtualMachineInstance =>
  input.vmi as VirtualMachineInstance;
