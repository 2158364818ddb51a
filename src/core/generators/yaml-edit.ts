/**
 * Reading an edited YAML back into a wizard: which documents it holds, and the problems that stop
 * it, as keyed messages (they block Create like the form's own errors).
 */
import type { K8sObject } from '../k8s/types';
import type { FieldError } from '../validation/types';

/** Marks English i18next keys for i18next-parser; translates nothing (see validation/format.ts). */
const t = <S extends string>(key: S): S => key;

export const YAML_FIELD = 'yaml';

export const yamlUnreadable = (reason: string): FieldError => ({
  field: YAML_FIELD,
  message: t('The YAML cannot be read: {{reason}}'),
  params: { reason },
});

/**
 * The wizard's main object and its companions (a Namespace, a bridge-mapping policy) among the
 * documents; anything else is a problem, never silently dropped.
 */
export const pickDocuments = (
  objects: K8sObject[],
  mainKind: string,
  companionKinds: string[],
): { main?: K8sObject; companions: K8sObject[]; problems: FieldError[] } => {
  const problems: FieldError[] = [];
  const mains = objects.filter((o) => o?.kind === mainKind);
  const companions = objects.filter((o) => companionKinds.includes(o?.kind ?? ''));
  objects
    .filter((o) => o?.kind !== mainKind && !companionKinds.includes(o?.kind ?? ''))
    .forEach((o) =>
      problems.push({
        field: YAML_FIELD,
        message: t('This wizard does not create a {{kind}}; remove that document.'),
        params: { kind: String(o?.kind ?? '?') },
      }),
    );
  if (mains.length !== 1)
    problems.push({
      field: YAML_FIELD,
      message: t('The YAML must hold exactly one {{kind}}.'),
      params: { kind: mainKind },
    });
  return { main: mains.length === 1 ? mains[0] : undefined, companions, problems };
};

export const yamlNotForForm = (reason: string): FieldError => ({
  field: YAML_FIELD,
  message: t('The form cannot represent this YAML: {{reason}}'),
  params: { reason },
});
