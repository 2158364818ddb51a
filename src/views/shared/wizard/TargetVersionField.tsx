import * as React from 'react';
import { TARGET_VERSIONS, type TargetVersion } from '../../../core/k8s/openshift-version';
import { useNetworkingTranslation } from '../i18n';
import { SelectField } from './fields';

const LABELS: Record<TargetVersion, string> = {
  '4.19': 'OpenShift 4.19',
  '4.20': 'OpenShift 4.20–4.21',
  '4.22': 'OpenShift 4.22',
};

/** The OpenShift version whose CRDs the objects must fit: the cluster's, unless chosen. */
export const TargetVersionField: React.FC<{
  value: TargetVersion;
  onChange: (v: TargetVersion) => void;
  detected?: TargetVersion;
  clusterVersion?: string;
}> = ({ value, onChange, detected, clusterVersion }) => {
  const { t } = useNetworkingTranslation();
  return (
    <SelectField<TargetVersion>
      field="targetVersion"
      label={t('Target OpenShift version')}
      value={value}
      onChange={onChange}
      errors={[]}
      options={TARGET_VERSIONS.map((v) => ({ value: v, label: LABELS[v] }))}
      helper={
        detected
          ? t('The cluster runs {{version}}; the fields follow the version chosen here.', {
              version: clusterVersion ?? detected,
            })
          : t('The cluster version could not be read; choose the version the objects are for.')
      }
    />
  );
};
