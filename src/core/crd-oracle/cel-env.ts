/**
 * The CEL environment the Kubernetes API server gives CRD validation rules, as far as the rules
 * in ../shared/crds use it: core CEL (cel-js), the strings extension (cel-js ships split etc.),
 * the IP and CIDR libraries (k8s.io/apiserver/pkg/cel/library ip.go / cidr.go) and the format
 * library's `format.qualifiedName()` (NNCP nodeSelector keys).
 *
 * cel-js gaps and how they are bridged:
 * - cel-js has no notion of Kubernetes' library types, so `net.IP` / `net.CIDR` are registered
 *   as custom types backed by the Go-netip port in ./netip, with `==` overloads (Go compares
 *   address and bits; a CIDR is never equal to a string).
 * - `containsIP` / `containsCIDR` take either a value or a string; registered as two overloads.
 * - The format library returns `optional<list<string>>`; cel-js supports optionals only when
 *   `enableOptionalTypes` is on, so it is.
 * - Integers: cel-js wants BigInt for CEL ints; the walker converts JSON integers (see toCel).
 * - No cost estimation: the API server rejects rules over the cost budget when a CRD is
 *   installed; these CRDs are installed in real clusters, so their rules are within it.
 */
import { Environment, Optional } from '@marcbachmann/cel-js';
import {
  Addr,
  Prefix,
  addrEqual,
  formatAddr,
  formatPrefix,
  isCIDR,
  isIP,
  masked,
  parseCIDR,
  parseIP,
  prefixContains,
  prefixContainsPrefix,
  prefixEqual,
} from './netip';

export class CelIP {
  constructor(readonly addr: Addr) {}
}

export class CelCIDR {
  constructor(readonly prefix: Prefix) {}
}

class CelFormat {}

class CelFormatValidator {
  constructor(readonly validate: (s: string) => string[]) {}
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** k8s.io/apimachinery validation.IsQualifiedName. */
export const qualifiedNameErrors = (value: string): string[] => {
  const parts = value.split('/');
  let name = value;
  const errs: string[] = [];
  if (parts.length === 2) {
    const [prefix] = parts;
    name = parts[1];
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else if (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)) {
      errs.push('prefix part must be a lowercase RFC 1123 subdomain');
    }
  } else if (parts.length > 2) {
    return [
      'a qualified name must consist of alphanumeric characters, "-", "_" or ".", with an optional DNS subdomain prefix and "/"',
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (name.length > 0 && !QUALIFIED_NAME_PART.test(name)) {
    errs.push(
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
    );
  }
  return errs;
};

const formatValidators: Record<string, (s: string) => string[]> = {
  qualifiedName: qualifiedNameErrors,
  dns1123Label: (s) =>
    s.length <= 63 && DNS1123_LABEL.test(s) ? [] : ['a lowercase RFC 1123 label is required'],
  dns1123Subdomain: (s) =>
    s.length <= 253 && DNS1123_SUBDOMAIN.test(s)
      ? []
      : ['a lowercase RFC 1123 subdomain is required'],
};

const toCidr = (v: CelCIDR | string): Prefix => (typeof v === 'string' ? parseCIDR(v) : v.prefix);
const toIp = (v: CelIP | string): Addr => (typeof v === 'string' ? parseIP(v) : v.addr);

const createEnvironment = (): Environment => {
  const env = new Environment({ enableOptionalTypes: true, homogeneousAggregateLiterals: false })
    .registerType('net.IP', CelIP)
    .registerType('net.CIDR', CelCIDR)
    .registerType('kubernetes.Format', CelFormat)
    .registerType('kubernetes.FormatValidator', CelFormatValidator)
    .registerVariable('self', 'dyn')
    .registerVariable('oldSelf', 'dyn')
    .registerConstant('format', 'kubernetes.Format', new CelFormat())
    // IP library
    .registerFunction('isIP(string): bool', (s: string) => isIP(s))
    .registerFunction('ip(string): net.IP', (s: string) => new CelIP(parseIP(s)))
    .registerFunction('net.IP.family(): int', (ip: CelIP) => BigInt(ip.addr.family))
    .registerFunction('net.IP.isUnspecified(): bool', (ip: CelIP) => ip.addr.value === 0n)
    .registerFunction('net.IP.isLoopback(): bool', (ip: CelIP) =>
      ip.addr.family === 4 ? ip.addr.value >> 24n === 127n : ip.addr.value === 1n,
    )
    .registerFunction('string(net.IP): string', (ip: CelIP) => formatAddr(ip.addr))
    .registerOperator('net.IP == net.IP', (a: CelIP, b: CelIP) => addrEqual(a.addr, b.addr))
    // CIDR library
    .registerFunction('isCIDR(string): bool', (s: string) => isCIDR(s))
    .registerFunction('cidr(string): net.CIDR', (s: string) => new CelCIDR(parseCIDR(s)))
    .registerFunction('net.CIDR.ip(): net.IP', (c: CelCIDR) => new CelIP(c.prefix.addr))
    .registerFunction('net.CIDR.prefixLength(): int', (c: CelCIDR) => BigInt(c.prefix.bits))
    .registerFunction('net.CIDR.masked(): net.CIDR', (c: CelCIDR) => new CelCIDR(masked(c.prefix)))
    .registerFunction('net.CIDR.containsIP(net.IP): bool', (c: CelCIDR, ip: CelIP) =>
      prefixContains(c.prefix, toIp(ip)),
    )
    .registerFunction('net.CIDR.containsIP(string): bool', (c: CelCIDR, ip: string) =>
      prefixContains(c.prefix, toIp(ip)),
    )
    .registerFunction('net.CIDR.containsCIDR(net.CIDR): bool', (c: CelCIDR, o: CelCIDR) =>
      prefixContainsPrefix(c.prefix, toCidr(o)),
    )
    .registerFunction('net.CIDR.containsCIDR(string): bool', (c: CelCIDR, o: string) =>
      prefixContainsPrefix(c.prefix, toCidr(o)),
    )
    .registerFunction('string(net.CIDR): string', (c: CelCIDR) => formatPrefix(c.prefix))
    .registerOperator('net.CIDR == net.CIDR', (a: CelCIDR, b: CelCIDR) =>
      prefixEqual(a.prefix, b.prefix),
    )
    // Format library (only the validators these CRDs can reach)
    .registerFunction('kubernetes.Format.qualifiedName(): kubernetes.FormatValidator', () => {
      return new CelFormatValidator(formatValidators.qualifiedName);
    })
    .registerFunction('kubernetes.Format.dns1123Label(): kubernetes.FormatValidator', () => {
      return new CelFormatValidator(formatValidators.dns1123Label);
    })
    .registerFunction('kubernetes.Format.dns1123Subdomain(): kubernetes.FormatValidator', () => {
      return new CelFormatValidator(formatValidators.dns1123Subdomain);
    })
    .registerFunction(
      'kubernetes.FormatValidator.validate(string): optional<list<string>>',
      (v: CelFormatValidator, s: string) => {
        const errs = v.validate(s);
        return errs.length ? Optional.of(errs) : Optional.none();
      },
    );
  return env;
};

let shared: Environment | undefined;

/** One environment per process: building it is the expensive part. */
export const kubernetesCelEnvironment = (): Environment => {
  shared ??= createEnvironment();
  return shared;
};

export type CompiledRule = (vars: { self: unknown; oldSelf?: unknown }) => unknown;

const compiled = new Map<string, CompiledRule>();

export const compileRule = (rule: string): CompiledRule => {
  let fn = compiled.get(rule);
  if (!fn) {
    fn = kubernetesCelEnvironment().parse(rule) as unknown as CompiledRule;
    compiled.set(rule, fn);
  }
  return fn;
};

/** JSON → CEL values: integers become BigInt (CEL int); everything else is kept. */
export const toCel = (v: unknown): unknown => {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (Array.isArray(v)) return v.map(toCel);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toCel(x);
    return out;
  }
  return v;
};
