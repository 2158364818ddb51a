/**
 * What the wizards' pickers offer, read from NodeNetworkConfigurationPolicies (what is asked for)
 * and NodeNetworkStates (what nodes report): physical network names with the bridges and nodes
 * that map them, Linux bridges, node NICs, and MTUs. Cluster objects may be malformed: every
 * value is checked for its type, and whatever cannot be read is left out, never guessed.
 */

export interface PhysicalNetworkFact {
  name: string;
  bridges: string[];
  /** Nodes whose NodeNetworkState reports the mapping. */
  nodes: string[];
  /** Policies that ask for it. */
  policies: string[];
}

export interface InterfaceFact {
  name: string;
  nodes: string[];
  policies: string[];
  /** The smallest MTU nodes report for it (the path is only as wide as its narrowest node). */
  mtu?: number;
}

export interface ClusterFacts {
  physicalNetworks: PhysicalNetworkFact[];
  linuxBridges: InterfaceFact[];
  ovsBridges: InterfaceFact[];
  nics: InterfaceFact[];
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => !!v && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
const nameOf = (o: unknown): string | undefined =>
  isRec(o) && isRec(o.metadata) ? str(o.metadata.name) : undefined;

const upsert = <T extends { name: string }>(list: T[], name: string, make: () => T): T => {
  let x = list.find((e) => e.name === name);
  if (!x) {
    x = make();
    list.push(x);
  }
  return x;
};
const addOnce = (list: string[], v: string | undefined) => {
  if (v && !list.includes(v)) list.push(v);
};

export const clusterFactsOf = (nncps: unknown[] = [], states: unknown[] = []): ClusterFacts => {
  const facts: ClusterFacts = { physicalNetworks: [], linuxBridges: [], ovsBridges: [], nics: [] };
  const iface = (type: unknown): InterfaceFact[] | undefined =>
    type === 'linux-bridge'
      ? facts.linuxBridges
      : type === 'ovs-bridge'
        ? facts.ovsBridges
        : type === 'ethernet'
          ? facts.nics
          : undefined;
  const newIface = (name: string) => (): InterfaceFact => ({ name, nodes: [], policies: [] });
  const newNet = (name: string) => (): PhysicalNetworkFact => ({
    name,
    bridges: [],
    nodes: [],
    policies: [],
  });
  for (const p of arr(nncps)) {
    const policy = nameOf(p);
    const desired =
      isRec(p) && isRec(p.spec) && isRec(p.spec.desiredState) ? p.spec.desiredState : {};
    for (const m of arr(isRec(desired.ovn) ? desired.ovn['bridge-mappings'] : undefined)) {
      if (!isRec(m) || !str(m.localnet) || m.state === 'absent') continue;
      const net = upsert(facts.physicalNetworks, str(m.localnet)!, newNet(str(m.localnet)!));
      addOnce(net.bridges, str(m.bridge));
      addOnce(net.policies, policy);
    }
    for (const i of arr(desired.interfaces)) {
      if (!isRec(i) || !str(i.name) || i.state === 'absent') continue;
      const list = iface(i.type);
      if (list) addOnce(upsert(list, str(i.name)!, newIface(str(i.name)!)).policies, policy);
    }
  }
  for (const s of arr(states)) {
    const node = nameOf(s);
    const current =
      isRec(s) && isRec(s.status) && isRec(s.status.currentState) ? s.status.currentState : {};
    for (const m of arr(isRec(current.ovn) ? current.ovn['bridge-mappings'] : undefined)) {
      if (!isRec(m) || !str(m.localnet)) continue;
      const net = upsert(facts.physicalNetworks, str(m.localnet)!, newNet(str(m.localnet)!));
      addOnce(net.bridges, str(m.bridge));
      addOnce(net.nodes, node);
    }
    for (const i of arr(current.interfaces)) {
      if (!isRec(i) || !str(i.name)) continue;
      const list = iface(i.type);
      if (!list) continue;
      const f = upsert(list, str(i.name)!, newIface(str(i.name)!));
      addOnce(f.nodes, node);
      const mtu = num(i.mtu);
      if (mtu !== undefined) f.mtu = f.mtu === undefined ? mtu : Math.min(f.mtu, mtu);
    }
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  facts.physicalNetworks.sort(byName);
  facts.linuxBridges.sort(byName);
  facts.ovsBridges.sort(byName);
  facts.nics.sort(byName);
  return facts;
};

/**
 * The largest MTU the physical path allows for a bridge (or NIC): the smallest the nodes report
 * for it, and the nodes it is read from. Undefined when no node reports one.
 */
export const pathMtuOf = (
  facts: ClusterFacts | undefined,
  name: string,
): { mtu: number; nodes: string[] } | undefined => {
  if (!facts || !name) return undefined;
  const f = [...facts.linuxBridges, ...facts.ovsBridges, ...facts.nics].find(
    (x) => x.name === name && x.mtu !== undefined,
  );
  return f ? { mtu: f.mtu!, nodes: f.nodes } : undefined;
};
