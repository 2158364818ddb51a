/** The UserDefinedNetwork wizard: form state, validation, objects to create, and edit. */
import type { K8sObject, UserDefinedNetwork } from '../k8s/types';
import { checkName } from '../validation/names';
import type { FieldError } from '../validation/types';
import {
  mergePreserved,
  ParseResult,
  PRIMARY_UDN_LABEL,
  primaryNamespace,
  subtract,
  WizardContext,
} from './common';
import {
  defaultNetworkState,
  NetworkFormState,
  networkStateFrom,
  topologyConfig,
  topologyKey,
  validateNetwork,
} from './network-spec';

/** Marks English i18next keys for i18next-parser; translates nothing (see validation/format.ts). */
const t = <S extends string>(key: S): S => key;

export interface UDNFormState extends NetworkFormState {
  name: string;
  namespace: string;
  /** Primary only: create the namespace, labelled for a primary network from its creation. */
  createNamespace: boolean;
}

export const defaultUDNState = (namespace = ''): UDNFormState => ({
  ...defaultNetworkState(),
  name: '',
  namespace,
  createNamespace: false,
});

export const validateUDNForm = (s: UDNFormState, ctx: WizardContext): FieldError[] => {
  const errors: FieldError[] = [];
  checkName('name', t('Name'), s.name, 'subdomain', errors, ctx.existingNames);
  checkName('namespace', t('Namespace'), s.namespace, 'label', errors);
  if (s.topology === 'Localnet') {
    errors.push({
      field: 'topology',
      message: t('Localnet is only available as a ClusterUserDefinedNetwork.'),
    });
  }
  validateNetwork(s, ctx, errors);
  if (s.role === 'Primary') validatePrimaryNamespace(s, ctx, errors);
  else if (s.createNamespace) {
    errors.push({
      field: 'createNamespace',
      message: t('Creating a labelled namespace is only for Primary networks.'),
    });
  }
  return errors;
};

const validatePrimaryNamespace = (
  s: UDNFormState,
  ctx: WizardContext,
  errors: FieldError[],
): void => {
  if (ctx.namespacesWithPrimaryNetwork?.includes(s.namespace)) {
    errors.push({
      field: 'role',
      message: t(
        'Namespace {{namespace}} already has a primary network; a namespace hosts only one.',
      ),
      params: { namespace: s.namespace },
    });
  }
  if (!ctx.namespaces) return;
  const ns = ctx.namespaces.find((n) => n.name === s.namespace);
  if (s.createNamespace && ns) {
    errors.push({
      field: 'createNamespace',
      message: t('Namespace {{namespace}} already exists.'),
      params: { namespace: s.namespace },
    });
  } else if (!s.createNamespace && !ns) {
    errors.push({
      field: 'namespace',
      message: t(
        'Namespace {{namespace}} does not exist; let the wizard create it with the primary-network label.',
      ),
      params: { namespace: s.namespace },
    });
  } else if (ns && !(PRIMARY_UDN_LABEL in (ns.labels ?? {}))) {
    errors.push({
      field: 'namespace',
      message: t(
        'Namespace {{namespace}} was created without the label {{namespaceLabel}}; it cannot be added later, so a primary network needs a new namespace.',
      ),
      params: { namespace: s.namespace, namespaceLabel: PRIMARY_UDN_LABEL },
    });
  }
};

/** Objects in creation order: the labelled Namespace (when asked) before the UDN. */
export const generateUDN = (
  s: UDNFormState,
  ctx: WizardContext,
  preserved?: Record<string, unknown>,
): K8sObject[] => {
  const udn: UserDefinedNetwork = {
    apiVersion: 'k8s.ovn.org/v1',
    kind: 'UserDefinedNetwork',
    metadata: s.namespace ? { name: s.name, namespace: s.namespace } : { name: s.name },
    spec: {
      topology: s.topology === 'Layer3' ? 'Layer3' : 'Layer2',
      [topologyKey(s.topology)]: topologyConfig(s, ctx),
    },
  };
  const out: K8sObject[] = [];
  if (s.role === 'Primary' && s.createNamespace) out.push(primaryNamespace(s.namespace));
  out.push(preserved ? mergePreserved(preserved, udn) : udn);
  return out;
};

export const parseBackUDN = (
  obj: UserDefinedNetwork,
  ctx: WizardContext,
): ParseResult<UDNFormState> => {
  const topology = obj.spec?.topology === 'Layer3' ? 'Layer3' : 'Layer2';
  const config = (obj.spec as Record<string, unknown> | undefined)?.[topologyKey(topology)] as
    Record<string, unknown> | undefined;
  const state: UDNFormState = {
    ...networkStateFrom(topology, config),
    name: obj.metadata?.name ?? '',
    namespace: obj.metadata?.namespace ?? '',
    createNamespace: false,
  };
  const regenerated = generateUDN(state, ctx).find((o) => o.kind === 'UserDefinedNetwork');
  return { state, preserved: (subtract(obj, regenerated) ?? {}) as Record<string, unknown> };
};
