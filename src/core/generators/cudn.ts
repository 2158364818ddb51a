/** The ClusterUserDefinedNetwork wizard, with the bridge-mapping NNCP a Localnet may need. */
import type { K8sObject, LabelSelector, LabelSelectorRequirement } from '../k8s/types';
import { checkName } from '../validation/names';
import type { FieldError, Problem } from '../validation/types';
import {
  BridgeMappingState,
  defaultBridgeMapping,
  generateBridgeMappingPolicy,
  mergePreserved,
  NamespaceInfo,
  ParseResult,
  parseBridgeMappingPolicy,
  PRIMARY_UDN_LABEL,
  subtract,
  validateBridgeMapping,
  WizardContext,
} from './common';
import {
  defaultNetworkState,
  NetworkFormState,
  networkStateFrom,
  Topology,
  topologyConfig,
  topologyKey,
  validateNetwork,
} from './network-spec';

/** Marks English i18next keys for i18next-parser; translates nothing (see validation/format.ts). */
const t = <S extends string>(key: S): S => key;

export interface CUDNFormState extends NetworkFormState {
  name: string;
  matchLabels: Record<string, string>;
  matchExpressions: LabelSelectorRequirement[];
  /** Localnet only. */
  bridgeMapping: BridgeMappingState;
}

export const defaultCUDNState = (): CUDNFormState => ({
  ...defaultNetworkState(),
  name: '',
  matchLabels: {},
  matchExpressions: [],
  bridgeMapping: defaultBridgeMapping(),
});

const QUALIFIED =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const labelKeyError = (k: string): Problem | undefined =>
  !QUALIFIED.test(k) ||
  (k.split('/').pop() ?? '').length > 63 ||
  (k.includes('/') && k.split('/')[0].length > 253)
    ? {
        message: t(
          "Label key \"{{labelKey}}\" is not valid (letters, digits, '-', '_', '.', optional DNS prefix and '/').",
        ),
        params: { labelKey: k },
      }
    : undefined;
const labelValueError = (v: string): Problem | undefined =>
  v.length > 63 || !LABEL_VALUE.test(v)
    ? {
        message: t(
          "Label value \"{{value}}\" is not valid (at most 63 letters, digits, '-', '_', '.').",
        ),
        params: { value: v },
      }
    : undefined;

/** Namespaces a label selector picks (for the live list beside the selector). */
export const selectedNamespaces = (
  selector: LabelSelector,
  namespaces: NamespaceInfo[],
): string[] =>
  namespaces
    .filter((ns) => {
      const labels = ns.labels ?? {};
      const byLabels = Object.entries(selector.matchLabels ?? {}).every(
        ([k, v]) => labels[k] === v,
      );
      const byExpr = (selector.matchExpressions ?? []).every((e) => {
        const has = e.key in labels;
        const vals = e.values ?? [];
        switch (e.operator) {
          case 'In':
            return has && vals.includes(labels[e.key]);
          case 'NotIn':
            return !has || !vals.includes(labels[e.key]);
          case 'Exists':
            return has;
          case 'DoesNotExist':
            return !has;
          default:
            return false;
        }
      });
      return byLabels && byExpr;
    })
    .map((ns) => ns.name);

const selectorOf = (s: CUDNFormState): LabelSelector => {
  const sel: LabelSelector = {};
  if (Object.keys(s.matchLabels).length) sel.matchLabels = { ...s.matchLabels };
  if (s.matchExpressions.length) {
    sel.matchExpressions = s.matchExpressions.map((e) =>
      e.operator === 'Exists' || e.operator === 'DoesNotExist'
        ? { key: e.key, operator: e.operator }
        : { key: e.key, operator: e.operator, values: [...(e.values ?? [])] },
    );
  }
  return sel;
};

const selectorEmpty = (s: CUDNFormState) =>
  !Object.keys(s.matchLabels).length && !s.matchExpressions.length;

export const validateCUDNForm = (s: CUDNFormState, ctx: WizardContext): FieldError[] => {
  const errors: FieldError[] = [];
  checkName('name', t('Name'), s.name, 'subdomain', errors, ctx.existingNames);
  validateNetwork(s, ctx, errors);

  if (selectorEmpty(s)) {
    errors.push({
      field: 'namespaceSelector',
      message: t('Choose the namespaces: an empty selector would select every namespace.'),
    });
  }
  for (const [k, v] of Object.entries(s.matchLabels)) {
    const e = labelKeyError(k) ?? labelValueError(v);
    if (e) errors.push({ field: 'namespaceSelector.matchLabels', ...e });
  }
  s.matchExpressions.forEach((e, i) => {
    const field = `namespaceSelector.matchExpressions[${i}]`;
    const keyErr = labelKeyError(e.key);
    if (keyErr) errors.push({ field, ...keyErr });
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(e.operator)) {
      errors.push({ field, message: t('Operator must be In, NotIn, Exists or DoesNotExist.') });
    } else if ((e.operator === 'In' || e.operator === 'NotIn') && !(e.values ?? []).length) {
      errors.push({
        field,
        message: t('{{operator}} needs at least one value.'),
        params: { operator: e.operator },
      });
    } else if ((e.values ?? []).some((v) => labelValueError(v))) {
      errors.push({ field, message: t('Every value must be a valid label value.') });
    }
  });
  if (ctx.namespaces && !errors.some((e) => e.field.startsWith('namespaceSelector'))) {
    const picked = selectedNamespaces(selectorOf(s), ctx.namespaces);
    const forbidden = picked.filter(
      (n) => n === 'default' || n.startsWith('openshift-') || n.startsWith('kube-'),
    );
    if (forbidden.length) {
      errors.push({
        field: 'namespaceSelector',
        message: t(
          'The selector picks system namespaces ({{namespaces}}), which a network must not select.',
        ),
        params: { namespaces: forbidden.join(', ') },
      });
    }
    if (s.role === 'Primary') {
      const unlabelled = picked.filter(
        (n) => !(PRIMARY_UDN_LABEL in (ctx.namespaces!.find((x) => x.name === n)?.labels ?? {})),
      );
      if (unlabelled.length) {
        errors.push({
          field: 'namespaceSelector',
          message: t(
            'These namespaces lack the label {{namespaceLabel}} and will not get the primary network: {{namespaces}}.',
          ),
          params: { namespaceLabel: PRIMARY_UDN_LABEL, namespaces: unlabelled.join(', ') },
        });
      }
      const taken = picked.filter((n) => ctx.namespacesWithPrimaryNetwork?.includes(n));
      if (taken.length)
        errors.push({
          field: 'namespaceSelector',
          message: t('These namespaces already have a primary network: {{namespaces}}.'),
          params: { namespaces: taken.join(', ') },
        });
    }
  }
  if (s.topology === 'Localnet' && s.physicalNetworkName)
    validateBridgeMapping(s.bridgeMapping, s.physicalNetworkName, ctx, errors);
  return errors;
};

/** Objects in creation order: the bridge-mapping NNCP (when one is needed) before the CUDN. */
export const generateCUDN = (
  s: CUDNFormState,
  ctx: WizardContext,
  preserved?: Record<string, unknown>,
): K8sObject[] => {
  const cudn = {
    apiVersion: 'k8s.ovn.org/v1',
    kind: 'ClusterUserDefinedNetwork',
    metadata: { name: s.name },
    spec: {
      // An empty selector selects every namespace: never written, the form refuses it instead.
      ...(selectorEmpty(s) ? {} : { namespaceSelector: selectorOf(s) }),
      network: { topology: s.topology, [topologyKey(s.topology)]: topologyConfig(s, ctx) },
    },
  };
  const out: K8sObject[] = [];
  if (s.topology === 'Localnet') {
    const nncp = generateBridgeMappingPolicy(s.bridgeMapping, s.physicalNetworkName);
    if (nncp) out.push(nncp);
  }
  out.push(preserved ? mergePreserved(preserved, cudn) : cudn);
  return out;
};

export const parseBackCUDN = (
  obj: K8sObject,
  ctx: WizardContext,
  nncp?: K8sObject,
): ParseResult<CUDNFormState> => {
  const spec = ((obj as { spec?: Record<string, unknown> }).spec ?? {}) as {
    namespaceSelector?: LabelSelector;
    network?: Record<string, unknown> & { topology?: Topology };
  };
  const topology: Topology = spec.network?.topology ?? 'Layer2';
  const net = networkStateFrom(
    topology,
    spec.network?.[topologyKey(topology)] as Record<string, unknown> | undefined,
  );
  const state: CUDNFormState = {
    ...net,
    name: obj.metadata?.name ?? '',
    matchLabels: { ...(spec.namespaceSelector?.matchLabels ?? {}) },
    matchExpressions: (spec.namespaceSelector?.matchExpressions ?? []).map((e) => ({
      ...e,
      values: e.values ? [...e.values] : undefined,
    })),
    bridgeMapping: parseBridgeMappingPolicy(nncp, net.physicalNetworkName),
  };
  const regenerated = generateCUDN(state, ctx).find((o) => o.kind === 'ClusterUserDefinedNetwork');
  return { state, preserved: (subtract(obj, regenerated) ?? {}) as Record<string, unknown> };
};
