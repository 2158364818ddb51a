import * as React from 'react';
import { ExpandableSection } from '@patternfly/react-core';
import type { TargetVersion } from '../../../core/k8s/openshift-version';
import type { FieldError } from '../../../core/validation/types';
import { useNetworkingTranslation } from '../i18n';
import { TextField } from './fields';
import { TargetVersionField } from './TargetVersionField';

/**
 * The first fields of every network wizard: the object's name and, for namespaced objects, its
 * namespace (both fixed when editing: they identify the object), and in an advanced section the
 * OpenShift version the objects are for (the cluster's unless chosen).
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
  /** Fields shown after the name and namespace, before the advanced section. */
  children?: React.ReactNode;
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
  children,
}) => {
  const { t } = useNetworkingTranslation();
  // Open by itself when a version other than the cluster's is in use: the choice matters then.
  const [userOpen, setOpen] = React.useState<boolean>();
  const open = userOpen ?? (detectedVersion !== undefined && detectedVersion !== target);
  return (
    <>
      <TextField
        field="name"
        label={t('Name')}
        value={name}
        onChange={onNameChange}
        errors={errors}
        isDisabled={isEdit}
        isRequired
      />
      {namespace && (
        <TextField
          field="namespace"
          label={t('Namespace')}
          value={namespace.value}
          onChange={namespace.onChange}
          errors={errors}
          isDisabled={isEdit}
          isRequired
        />
      )}
      {children}
      <ExpandableSection
        toggleText={t('Advanced')}
        isExpanded={open}
        onToggle={(_e, v) => setOpen(v)}
        data-test="advanced-section"
      >
        <TargetVersionField
          value={target}
          onChange={onTargetChange}
          detected={detectedVersion}
          clusterVersion={clusterVersionText}
        />
      </ExpandableSection>
    </>
  );
};
