import * as React from 'react';
import type { TargetVersion } from '../../../core/k8s/openshift-version';
import type { FieldError } from '../../../core/validation/types';
import { useNetworkingTranslation } from '../i18n';
import { TextField } from './fields';
import { TargetVersionField } from './TargetVersionField';

/**
 * The first fields of every network wizard: the target OpenShift version, the object's name and,
 * for namespaced objects, its namespace (both fixed when editing: they identify the object).
 */
export const IdentityFields: React.FC<{
  target: TargetVersion;
  onTargetChange: (v: TargetVersion) => void;
  detectedVersion?: TargetVersion;
  clusterVersionText?: string;
  name: string;
  onNameChange: (name: string) => void;
  /** Omitted for cluster-scoped objects. */
  namespace?: { value: string; onChange: (namespace: string) => void };
  errors: FieldError[];
  isEdit: boolean;
}> = ({
  target,
  onTargetChange,
  detectedVersion,
  clusterVersionText,
  name,
  onNameChange,
  namespace,
  errors,
  isEdit,
}) => {
  const { t } = useNetworkingTranslation();
  return (
    <>
      <TargetVersionField
        value={target}
        onChange={onTargetChange}
        detected={detectedVersion}
        clusterVersion={clusterVersionText}
      />
      <TextField
        field="name"
        label={t('Name')}
        value={name}
        onChange={onNameChange}
        errors={errors}
        isDisabled={isEdit}
      />
      {namespace && (
        <TextField
          field="namespace"
          label={t('Namespace')}
          value={namespace.value}
          onChange={namespace.onChange}
          errors={errors}
          isDisabled={isEdit}
        />
      )}
    </>
  );
};
