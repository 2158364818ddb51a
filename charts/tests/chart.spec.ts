/**
 * @jest-environment node
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { spawnSync } from 'child_process';
import * as path from 'path';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Job } from 'kubernetes-types/batch/v1';
import type { ClusterRole, ClusterRoleBinding } from 'kubernetes-types/rbac/v1';
import type { Service } from 'kubernetes-types/core/v1';
import { chartDir, runHelm } from '../../test-support/helm';
import { loadSharedObjects } from '../../test-support/shared';
import { find, one, parseManifests, podSpecs, render, type RenderedObject } from './render';
import { restrictedV2Violations } from './restricted-v2';
import { unknownFieldErrors } from './unknown-fields';

const pluginName = 'vm-networking-console-plugin';

/** Value sets the chart must render cleanly with, besides the defaults. */
const variants: Record<string, string[]> = {
  defaults: [],
  'console enabling off': [
    '--set',
    'console.enablePlugin=false',
    '--set',
    'console.disableOnUninstall=false',
  ],
  'custom image by tag': [
    '--set',
    'image.repository=quay.io/acme/vm-networking-console-plugin',
    '--set-string',
    'image.tag=1.2.3',
    '--set',
    'image.pullPolicy=Always',
    '--set',
    'imagePullSecrets[0].name=acme-pull',
  ],
  'custom image by digest': [
    '--set',
    'image.repository=registry.example.com:5000/team/plugin',
    '--set',
    `image.digest=sha256:${'ab'.repeat(32)}`,
  ],
  'three replicas on infra nodes': [
    '--set',
    'replicas=3',
    '--set-string',
    'nodeSelector.node-role\\.kubernetes\\.io/infra=',
    '--set',
    'tolerations[0].key=node-role.kubernetes.io/infra',
    '--set',
    'tolerations[0].operator=Exists',
    '--set',
    'tolerations[0].effect=NoSchedule',
    '--set',
    'topologySpread.whenUnsatisfiable=DoNotSchedule',
  ],
  'one replica, own resources, no PDB, other port, IPv4 only': [
    '--set',
    'replicas=1',
    '--set',
    'resources.requests.cpu=50m',
    '--set',
    'resources.requests.memory=64Mi',
    '--set',
    'resources.limits.cpu=1',
    '--set',
    'resources.limits.memory=256Mi',
    '--set',
    'podDisruptionBudget.enabled=false',
    '--set',
    'port=8443',
    '--set',
    'listenIPv6=false',
    '--set',
    'certificateSecretName=my-cert',
  ],
};

const rendered: Record<string, RenderedObject[]> = {};
const objectsOf = (variant: string): RenderedObject[] =>
  (rendered[variant] ??= render(variants[variant]));

describe('helm lint --strict', () => {
  it.each(Object.keys(variants))('passes with %s', (variant) => {
    const result = runHelm(['lint', '--strict', chartDir, ...variants[variant]]);
    expect(result.stderr + result.stdout).toContain('0 chart(s) failed');
    expect(result.status).toBe(0);
  });
});

describe('values.schema.json refuses wrong values at template time', () => {
  it.each([
    ['replicas as a word', ['--set', 'replicas=two'], 'replicas'],
    ['zero replicas', ['--set', 'replicas=0'], 'replicas'],
    ['image as a string', ['--set', 'image=quay.io/acme/plugin:1'], 'image'],
    ['image tag with a colon', ['--set', 'image.tag=a:b'], 'tag'],
    ['bad pull policy', ['--set', 'image.pullPolicy=Sometimes'], 'pullPolicy'],
    ['bad digest', ['--set', 'image.digest=md5:abc'], 'digest'],
    ['privileged port', ['--set', 'port=443'], 'port'],
    ['resources without limits', ['--set', 'resources.limits=null'], 'limits'],
    ['bad quantity', ['--set', 'resources.requests.memory=lots'], 'memory'],
    ['nodeSelector as a list', ['--set', 'nodeSelector[0]=infra'], 'nodeSelector'],
    ['enable flag as a string', ['--set-string', 'console.enablePlugin=yes'], 'enablePlugin'],
    ['unknown top-level key', ['--set', 'replica=2'], 'replica'],
    ['bad i18n load type', ['--set', 'consolePlugin.i18nLoadType=Eager'], 'i18nLoadType'],
  ])('%s', (_name, args, field) => {
    const result = runHelm(['template', 'x', chartDir, ...args]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/schema/i);
    expect(result.stderr).toContain(field);
  });
});

describe('rendered manifests', () => {
  it.each(Object.keys(variants))('are valid Kubernetes objects (%s)', (variant) => {
    const objects = objectsOf(variant).filter((obj) => obj.kind !== 'ConsolePlugin');
    const run = spawnSync(process.execPath, [path.join(__dirname, 'k8s-validate.mjs')], {
      input: JSON.stringify(objects),
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as { ref: string; errors: string[] }[];
    expect(results).toHaveLength(objects.length);
    expect(results.filter((r) => r.errors.length)).toEqual([]);
  });

  it('the validator itself refuses a broken object', () => {
    const run = spawnSync(process.execPath, [path.join(__dirname, 'k8s-validate.mjs')], {
      input: JSON.stringify([
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          metadata: { name: 'j' },
          spec: { backoffLimit: 'x' },
        },
      ]),
      encoding: 'utf8',
    });
    const [result] = JSON.parse(run.stdout) as { errors: string[] }[];
    expect(result.errors.join('\n')).toMatch(/template/);
    expect(result.errors.join('\n')).toMatch(/backoffLimit must be integer/);
  });

  it('have no field that Kubernetes does not know, in any variant', () => {
    const all = Object.keys(variants).flatMap(objectsOf);
    expect(unknownFieldErrors(all)).toEqual([]);
  });

  it('the unknown-field check catches a misspelt field deep in a pod spec', () => {
    const deployment = structuredClone(
      one(objectsOf('defaults'), 'Deployment'),
    ) as unknown as Deployment;
    const spec = deployment.spec!.template.spec! as unknown as Record<string, unknown>;
    spec.serviceAcountName = spec.serviceAccountName;
    const errors = unknownFieldErrors([deployment as unknown as RenderedObject]);
    expect(errors.join('\n')).toMatch(
      /Deployment vm-networking-console-plugin: .*serviceAcountName/,
    );
  });

  it('the ConsolePlugin is valid against the real console.openshift.io CRD', () => {
    const [crd] = loadSharedObjects<
      RenderedObject & {
        spec: { versions: { name: string; schema: { openAPIV3Schema: object } }[] };
      }
    >('crds', 'console.openshift.io_consoleplugins.yaml');
    const schema = noUnknownFields(
      crd.spec.versions.find((v) => v.name === 'v1')!.schema.openAPIV3Schema,
    );
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema as object);
    for (const variant of Object.keys(variants)) {
      const plugin = one(objectsOf(variant), 'ConsolePlugin');
      expect({ variant, valid: validate(plugin), errors: validate.errors ?? null }).toEqual({
        variant,
        valid: true,
        errors: null,
      });
    }
    // …and the same schema refuses a wrong backend.
    const broken = structuredClone(one(objectsOf('defaults'), 'ConsolePlugin')) as {
      spec: { backend: object };
    };
    broken.spec.backend = { type: 'Service', service: { name: pluginName, port: 9443, bogus: 1 } };
    expect(validate(broken)).toBe(false);
  });
});

/** Structural CRD schemas prune unknown fields; make them an error instead. */
const noUnknownFields = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(noUnknownFields);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] =
      key === 'properties'
        ? Object.fromEntries(
            Object.entries(value as object).map(([k, v]) => [k, noUnknownFields(v)]),
          )
        : noUnknownFields(value);
  }
  if (
    out.properties &&
    out.additionalProperties === undefined &&
    !out['x-kubernetes-preserve-unknown-fields']
  ) {
    out.additionalProperties = false;
  }
  return out;
};

describe('pods', () => {
  it.each(Object.keys(variants))('satisfy restricted-v2 (%s)', (variant) => {
    const specs = podSpecs(objectsOf(variant));
    expect(specs.length).toBeGreaterThanOrEqual(1);
    expect(
      specs.map(({ ref, spec }) => ({ ref, violations: restrictedV2Violations(spec) })),
    ).toEqual(specs.map(({ ref }) => ({ ref, violations: [] })));
  });

  it('the restricted-v2 check finds what the console-plugin-template left out', () => {
    const { spec } = podSpecs(objectsOf('defaults')).find((p) => p.ref.startsWith('Deployment'))!;
    const loose = structuredClone(spec);
    loose.containers[0].securityContext = { allowPrivilegeEscalation: false };
    loose.volumes!.push({ name: 'host', hostPath: { path: '/var/log' } });
    loose.hostNetwork = true;
    expect(restrictedV2Violations(loose)).toEqual([
      'hostNetwork',
      'volume host: hostPath is not allowed',
      'container nginx: capabilities do not drop ALL',
    ]);
  });

  it('run as the chart’s own ServiceAccounts', () => {
    const objects = objectsOf('defaults');
    const accounts = new Set(find(objects, 'ServiceAccount').map((sa) => sa.metadata.name));
    const specs = podSpecs(objects);
    expect(specs.map((p) => p.ref).sort()).toEqual([
      `Deployment ${pluginName}`,
      `Job ${pluginName}-console-hook-disable`,
      `Job ${pluginName}-console-hook-enable`,
    ]);
    for (const { spec } of specs) {
      expect(spec.serviceAccountName).toBeDefined();
      expect(accounts).toContain(spec.serviceAccountName);
    }
    const deployment = one<Deployment>(objects, 'Deployment');
    expect(deployment.spec!.template.spec!.serviceAccountName).toBe(pluginName);
    // nginx needs no API token.
    expect(deployment.spec!.template.spec!.automountServiceAccountToken).toBe(false);
  });

  it('nginx: read-only root with writable tmp, probes over HTTPS, resources, two spread replicas', () => {
    const deployment = one<Deployment>(objectsOf('defaults'), 'Deployment');
    const pod = deployment.spec!.template.spec!;
    const [nginx] = pod.containers;
    expect(deployment.spec!.replicas).toBe(2);
    expect(nginx.securityContext!.readOnlyRootFilesystem).toBe(true);
    const tmp = nginx.volumeMounts!.find((m) => m.mountPath === '/tmp')!;
    expect(pod.volumes!.find((v) => v.name === tmp.name)!.emptyDir).toBeDefined();
    for (const probe of [nginx.readinessProbe!, nginx.livenessProbe!]) {
      expect(probe.httpGet).toMatchObject({ scheme: 'HTTPS', port: 'https' });
    }
    expect(nginx.ports).toEqual([{ name: 'https', containerPort: 9443, protocol: 'TCP' }]);
    expect(nginx.resources).toEqual({
      requests: { cpu: '10m', memory: '32Mi' },
      limits: { cpu: '250m', memory: '128Mi' },
    });
    expect(pod.topologySpreadConstraints![0]).toMatchObject({
      topologyKey: 'kubernetes.io/hostname',
    });
    expect(pod.topologySpreadConstraints![0].labelSelector!.matchLabels).toEqual(
      deployment.spec!.selector.matchLabels,
    );
    const anti = pod.affinity!.podAntiAffinity!.preferredDuringSchedulingIgnoredDuringExecution![0];
    expect(anti.podAffinityTerm.labelSelector!.matchLabels).toEqual(
      deployment.spec!.selector.matchLabels,
    );
  });

  it('values reach the pods', () => {
    const tagged = one<Deployment>(objectsOf('custom image by tag'), 'Deployment').spec!.template
      .spec!;
    expect(tagged.containers[0].image).toBe('quay.io/acme/vm-networking-console-plugin:1.2.3');
    expect(tagged.containers[0].imagePullPolicy).toBe('Always');
    expect(tagged.imagePullSecrets).toEqual([{ name: 'acme-pull' }]);
    const digest = one<Deployment>(objectsOf('custom image by digest'), 'Deployment').spec!.template
      .spec!;
    expect(digest.containers[0].image).toBe(
      `registry.example.com:5000/team/plugin@sha256:${'ab'.repeat(32)}`,
    );
    const defaults = one<Deployment>(objectsOf('defaults'), 'Deployment').spec!.template.spec!;
    expect(defaults.containers[0].image).toBe(
      `image-registry.openshift-image-registry.svc:5000/vm-networking/${pluginName}:0.1.0`,
    );

    const infra = one<Deployment>(objectsOf('three replicas on infra nodes'), 'Deployment');
    expect(infra.spec!.replicas).toBe(3);
    expect(infra.spec!.template.spec!.nodeSelector).toEqual({
      'node-role.kubernetes.io/infra': '',
    });
    expect(infra.spec!.template.spec!.tolerations).toEqual([
      { key: 'node-role.kubernetes.io/infra', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    expect(infra.spec!.template.spec!.topologySpreadConstraints![0].whenUnsatisfiable).toBe(
      'DoNotSchedule',
    );

    const small = objectsOf('one replica, own resources, no PDB, other port, IPv4 only');
    const smallPod = one<Deployment>(small, 'Deployment').spec!.template.spec!;
    expect(smallPod.containers[0].resources).toEqual({
      requests: { cpu: '50m', memory: '64Mi' },
      limits: { cpu: '1', memory: '256Mi' },
    });
    expect(smallPod.containers[0].ports![0].containerPort).toBe(8443);
    expect(smallPod.volumes!.find((v) => v.name === 'cert')!.secret!.secretName).toBe('my-cert');
    expect(find(small, 'PodDisruptionBudget')).toEqual([]);
    const config = (one(small, 'ConfigMap') as unknown as { data: Record<string, string> }).data[
      'nginx.conf'
    ];
    expect(config).toContain('listen 8443 ssl;');
    expect(config).not.toContain('[::]');
    expect(one<Service>(small, 'Service').metadata!.annotations).toEqual({
      'service.beta.openshift.io/serving-cert-secret-name': 'my-cert',
    });
    expect(one(small, 'ConsolePlugin')).toMatchObject({
      spec: { backend: { service: { port: 8443 } } },
    });
  });

  it('a PodDisruptionBudget that never blocks a drain', () => {
    const pdb = one(objectsOf('defaults'), 'PodDisruptionBudget') as unknown as { spec: object };
    const deployment = one<Deployment>(objectsOf('defaults'), 'Deployment');
    expect(pdb.spec).toEqual({
      maxUnavailable: 1,
      selector: { matchLabels: deployment.spec!.selector.matchLabels },
    });
  });
});

describe('Service and ConsolePlugin', () => {
  it('the Service asks the service CA for its certificate and selects the pods', () => {
    const objects = objectsOf('defaults');
    const service = one<Service>(objects, 'Service');
    const deployment = one<Deployment>(objects, 'Deployment');
    expect(
      service.metadata!.annotations!['service.beta.openshift.io/serving-cert-secret-name'],
    ).toBe(`${pluginName}-cert`);
    expect(
      deployment.spec!.template.spec!.volumes!.find((v) => v.name === 'cert')!.secret!.secretName,
    ).toBe(`${pluginName}-cert`);
    expect(service.spec!.selector).toEqual(deployment.spec!.selector.matchLabels);
    expect(service.spec!.ports).toEqual([
      { name: 'https', port: 9443, targetPort: 'https', protocol: 'TCP' },
    ]);
  });

  it('the ConsolePlugin names our plugin, its display name, Preload and the backend Service', () => {
    expect(one(objectsOf('defaults'), 'ConsolePlugin')).toMatchObject({
      apiVersion: 'console.openshift.io/v1',
      metadata: { name: pluginName },
      spec: {
        displayName: 'VM Networking',
        i18n: { loadType: 'Preload' },
        backend: {
          type: 'Service',
          service: { name: pluginName, namespace: 'vm-networking', port: 9443, basePath: '/' },
        },
      },
    });
    expect(one(objectsOf('defaults'), 'ConsolePlugin').metadata as object).not.toHaveProperty(
      'namespace',
    );
  });

  it('the ConsolePlugin name is the one in package.json whatever the release is called', () => {
    const pkg = require('../../package.json') as {
      consolePlugin: { name: string; displayName: string };
    };
    const result = runHelm(['template', 'other-release', chartDir, '--namespace', 'elsewhere']);
    expect(result.status).toBe(0);
    const plugin = one(parseManifests(result.stdout), 'ConsolePlugin') as unknown as {
      metadata: { name: string };
      spec: { displayName: string };
    };
    expect(plugin.metadata.name).toBe(pkg.consolePlugin.name);
    expect(plugin.spec.displayName).toBe(pkg.consolePlugin.displayName);
  });
});

describe('enabling in the console', () => {
  it('hook Jobs: add after install/upgrade, remove before delete', () => {
    const objects = objectsOf('defaults');
    const enable = one<Job>(objects, 'Job', `${pluginName}-console-hook-enable`);
    const disable = one<Job>(objects, 'Job', `${pluginName}-console-hook-disable`);
    expect(enable.metadata!.annotations!['helm.sh/hook']).toBe(
      'post-install,post-upgrade,post-rollback',
    );
    expect(disable.metadata!.annotations!['helm.sh/hook']).toBe('pre-delete');
    for (const job of [enable, disable]) {
      expect(job.metadata!.annotations!['helm.sh/hook-delete-policy']).toBe(
        'before-hook-creation,hook-succeeded',
      );
      expect(job.spec!.template.spec!.restartPolicy).toBe('Never');
    }
    expect(enable.spec!.template.spec!.containers[0].command!.slice(-2)).toEqual([
      'enable',
      pluginName,
    ]);
    expect(disable.spec!.template.spec!.containers[0].command!.slice(-2)).toEqual([
      'disable',
      pluginName,
    ]);
  });

  it('a minimal ClusterRole: get and patch of consoles.operator.openshift.io/cluster only', () => {
    const objects = objectsOf('defaults');
    const role = one<ClusterRole>(objects, 'ClusterRole');
    expect(role.rules).toEqual([
      {
        apiGroups: ['operator.openshift.io'],
        resources: ['consoles'],
        resourceNames: ['cluster'],
        verbs: ['get', 'patch'],
      },
    ]);
    const binding = one<ClusterRoleBinding>(objects, 'ClusterRoleBinding');
    const jobAccount = one<Job>(objects, 'Job', `${pluginName}-console-hook-enable`).spec!.template
      .spec!.serviceAccountName;
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: role.metadata!.name,
    });
    expect(binding.subjects).toEqual([
      { kind: 'ServiceAccount', name: jobAccount, namespace: 'vm-networking' },
    ]);
  });

  it('switched off: no Jobs and no cluster-wide permissions', () => {
    const objects = objectsOf('console enabling off');
    expect(find(objects, 'Job')).toEqual([]);
    expect(find(objects, 'ClusterRole')).toEqual([]);
    expect(find(objects, 'ClusterRoleBinding')).toEqual([]);
    expect(find(objects, 'ServiceAccount').map((sa) => sa.metadata.name)).toEqual([pluginName]);
  });

  it('only removal on uninstall: the disable Job alone', () => {
    const objects = render(['--set', 'console.enablePlugin=false']);
    expect(find(objects, 'Job').map((job) => job.metadata.name)).toEqual([
      `${pluginName}-console-hook-disable`,
    ]);
    expect(find(objects, 'ClusterRole')).toHaveLength(1);
  });
});
