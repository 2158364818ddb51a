/**
 * The OpenShift router (ingress controller) as a peer: its pods run in `openshift-ingress`, whose
 * namespace carries the policy-group labels NetworkPolicies use to let it in. It reaches the
 * workloads behind the Services that Routes and Ingresses point at, on the Services' target ports.
 */
import type { K8sObject, Labels } from '../k8s/types';
import { matchesSelector } from '../k8s/selectors';
import { isPortProtocol, portConns, union, type ConnSet } from './conn-set';
import type { Endpoint, EndpointInterface } from './endpoints';
import { nsOf } from './networks';

export const ROUTER_NAMESPACE = 'openshift-ingress';
export const ROUTER_PEER_NAME = '{ingress-controller}';

/** Labels OpenShift puts on the router's namespace (the ones NetworkPolicies select it by). */
export const ROUTER_NAMESPACE_LABELS: Labels = {
  'kubernetes.io/metadata.name': ROUTER_NAMESPACE,
  'policy-group.network.openshift.io/ingress': '',
  'network.openshift.io/policy-group': 'ingress',
};
/** The default router deployment's pod labels. */
export const ROUTER_POD_LABELS: Labels = {
  'ingresscontroller.operator.openshift.io/deployment-ingresscontroller': 'default',
};

interface ServicePort {
  name?: string;
  port?: number;
  targetPort?: number | string;
  protocol?: string;
}
interface Service extends K8sObject {
  spec?: { selector?: Labels; ports?: ServicePort[] };
}

/** One way in: a Service and which of its ports (undefined: all). */
interface Exposure {
  namespace: string;
  service: string;
  port?: { number?: number; name?: string } | { target: number | string };
}

const exposuresOf = (objects: K8sObject[]): Exposure[] => {
  const out: Exposure[] = [];
  for (const o of objects) {
    const namespace = nsOf(o);
    const spec = (o as { spec?: Record<string, unknown> }).spec ?? {};
    if (o.kind === 'Route') {
      const target = (spec.port as { targetPort?: number | string } | undefined)?.targetPort;
      const backends = [spec.to, ...((spec.alternateBackends as unknown[] | undefined) ?? [])] as {
        kind?: string;
        name?: string;
      }[];
      for (const b of backends) {
        if (!b?.name || (b.kind && b.kind !== 'Service')) continue;
        out.push({
          namespace,
          service: b.name,
          port: target === undefined ? undefined : { target },
        });
      }
    } else if (o.kind === 'Ingress') {
      type Backend = { service?: { name?: string; port?: { number?: number; name?: string } } };
      const backends: Backend[] = [];
      if (spec.defaultBackend) backends.push(spec.defaultBackend as Backend);
      for (const rule of (spec.rules as { http?: { paths?: { backend?: Backend }[] } }[]) ?? [])
        for (const path of rule.http?.paths ?? []) if (path.backend) backends.push(path.backend);
      for (const b of backends)
        if (b.service?.name)
          out.push({ namespace, service: b.service.name, port: b.service.port ?? undefined });
    }
  }
  return out;
};

/**
 * What the router may open to each endpoint interface, from Routes/Ingresses → Services → the
 * pods and VMs they select (before any policy): per interface, TCP/UDP/SCTP target ports.
 */
export const routerExposure = (
  objects: K8sObject[],
  endpoints: Endpoint[],
  primaryInterface: (e: Endpoint) => EndpointInterface | undefined,
): Map<EndpointInterface, ConnSet> => {
  const services = new Map<string, Service>();
  for (const o of objects)
    if (o.kind === 'Service' && o.metadata?.name)
      services.set(`${nsOf(o)}/${o.metadata.name}`, o as Service);
  const out = new Map<EndpointInterface, ConnSet>();
  for (const x of exposuresOf(objects)) {
    const svc = services.get(`${x.namespace}/${x.service}`);
    const selector = svc?.spec?.selector;
    if (!svc || !selector || !Object.keys(selector).length) continue;
    const ports = (svc.spec?.ports ?? []).filter((p) => {
      if (!x.port) return true;
      if ('target' in x.port) {
        const t = x.port.target;
        return typeof t === 'number' || /^\d+$/.test(String(t))
          ? Number(p.targetPort ?? p.port) === Number(t)
          : p.name === t || p.targetPort === t;
      }
      return x.port.number !== undefined ? p.port === x.port.number : p.name === x.port.name;
    });
    for (const e of endpoints) {
      if (e.namespace !== x.namespace || !matchesSelector(e.labels, { matchLabels: selector }))
        continue;
      const iface = primaryInterface(e);
      if (!iface) continue;
      let conns = out.get(iface) ?? portConns('TCP', []);
      for (const p of ports) {
        const protocol = (p.protocol ?? 'TCP').toUpperCase();
        if (!isPortProtocol(protocol)) continue;
        const target = p.targetPort ?? p.port;
        // As np-guard: a numeric target port reaches a workload that declares that port (or
        // declares none, as VMs without `ports` forward everything); a name resolves on it.
        const numbers =
          typeof target === 'number' || /^\d+$/.test(String(target))
            ? !iface.ports.length || iface.ports.some((cp) => cp.containerPort === Number(target))
              ? [Number(target)]
              : []
            : iface.ports
                .filter(
                  (cp) => cp.name === target && (cp.protocol ?? 'TCP').toUpperCase() === protocol,
                )
                .map((cp) => cp.containerPort);
        conns = union(
          conns,
          portConns(
            protocol,
            numbers.map((n) => [n, n] as const),
          ),
        );
      }
      out.set(iface, conns);
    }
  }
  return out;
};
