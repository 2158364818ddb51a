/**
 * Where the API server's Status causes (`spec.layer2.subnets[0]`) land in the forms. CEL rules
 * often name a whole object (`spec.layer2`); those stay with the object, not with a field.
 */
const NETWORK_FIELDS: [RegExp, string | ((m: RegExpExecArray) => string)][] = [
  [/^subnets\[(\d+)\]\.hostSubnet/, (m) => `subnets[${m[1]}].hostSubnet`],
  [/^subnets(\[\d+\])?/, (m) => `subnets${m[1] ?? ''}`],
  [/^joinSubnets(\[\d+\])?/, (m) => `joinSubnets${m[1] ?? ''}`],
  [/^excludeSubnets(\[\d+\])?/, (m) => `excludeSubnets${m[1] ?? ''}`],
  [/^reservedSubnets(\[\d+\])?/, (m) => `reservedSubnets${m[1] ?? ''}`],
  [/^infrastructureSubnets(\[\d+\])?/, (m) => `infrastructureSubnets${m[1] ?? ''}`],
  [/^defaultGatewayIPs(\[\d+\])?/, (m) => `defaultGatewayIPs${m[1] ?? ''}`],
  [/^ipam\.lifecycle/, 'persistentIPs'],
  [/^ipam/, 'ipamMode'],
  [/^mtu/, 'mtu'],
  [/^role/, 'role'],
  [/^vlan/, 'vlanId'],
  [/^physicalNetworkName/, 'physicalNetworkName'],
];

/** A field inside a UDN/CUDN topology object (`layer2`, `layer3`, `localnet`). */
export const networkField = (rest: string): string | undefined => {
  for (const [re, to] of NETWORK_FIELDS) {
    const m = re.exec(rest);
    if (m) return typeof to === 'string' ? to : to(m);
  }
  return undefined;
};

export const metadataField = (path: string): string | undefined => {
  if (path === 'metadata.name') return 'name';
  if (path === 'metadata.namespace') return 'namespace';
  return undefined;
};

/** NNCP causes belong to the bridge-mapping step. */
export const nncpField = (path: string): string | undefined =>
  path === 'metadata.name'
    ? 'bridgeMapping.policyName'
    : /nodeSelector/.test(path)
      ? 'bridgeMapping.nodeSelector'
      : path.startsWith('spec')
        ? 'bridgeMapping.mode'
        : undefined;
