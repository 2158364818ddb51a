import * as React from 'react';
import { Bullseye, PageSection, Spinner } from '@patternfly/react-core';
import { Alert } from './LazyAlert';
import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { useLocation } from 'react-router-dom-v5-compat';
import { groupVersionKindOf, type ResourceModel } from '../../../core/k8s/models';
import type { K8sObject } from '../../../core/k8s/types';
import { useNetworkingTranslation } from '../i18n';
import { isNotFound, messageOf } from '../k8s-errors';
import { parseWizardPath, type WizardRoute } from './urls';

export const useWizardRoute = (): WizardRoute | undefined => {
  const { pathname } = useLocation();
  return React.useMemo(() => parseWizardPath(pathname), [pathname]);
};

/**
 * The object an edit route names, read once: the form must not be reset by later watch updates,
 * or typing would be lost. `children` gets it when it is there.
 */
export const LoadForEdit: React.FC<{
  model: ResourceModel;
  name?: string;
  namespace?: string;
  children: (obj: K8sObject | undefined) => React.ReactNode;
}> = ({ model, name, namespace, children }) => {
  const { t } = useNetworkingTranslation();
  const [obj, loaded, error] = useK8sWatchResource<K8sObject>(
    name
      ? {
          groupVersionKind: groupVersionKindOf(model),
          name,
          ...(namespace ? { namespace } : {}),
        }
      : null,
  );
  const [first, setFirst] = React.useState<K8sObject>();
  React.useEffect(() => {
    if (!first && loaded && obj?.metadata) setFirst(obj);
  }, [first, loaded, obj]);
  if (!name) return <>{children(undefined)}</>;
  if (first) return <>{children(first)}</>;
  if (error)
    return (
      <PageSection>
        <Alert
          variant="danger"
          isInline
          title={
            isNotFound(error)
              ? t('{{kind}} {{name}} was not found.', { kind: model.kind, name })
              : t('{{kind}} {{name}} could not be read.', { kind: model.kind, name })
          }
          data-test="edit-load-error"
        >
          {messageOf(error)}
        </Alert>
      </PageSection>
    );
  return (
    <Bullseye>
      <Spinner aria-label={t('Loading')} />
    </Bullseye>
  );
};
