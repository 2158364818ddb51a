/**
 * The network's YAML in the console's editor (the SDK's ResourceYAMLEditor): Save updates the object
 * (and shows the API's answer), Reload shows the latest version, and when the object changes on the
 * server while it is open the editor says so. Its chunk loads when the YAML section is first opened.
 */
import * as React from 'react';
import { ResourceYAMLEditor } from '@openshift-console/dynamic-plugin-sdk';
import { apiVersionOf, type ResourceModel } from '../../core/k8s/models';
import type { K8sObject } from '../../core/k8s/types';

const YamlSection: React.FC<{ object: K8sObject; model: ResourceModel }> = ({ object, model }) => {
  // The editor finds the object's model by apiVersion and kind; a watched object normally has both,
  // and the route's model supplies them if not (it is the model the object was read with).
  const resource = React.useMemo(
    () => ({
      ...object,
      apiVersion: object.apiVersion ?? apiVersionOf(model),
      kind: object.kind ?? model.kind,
    }),
    [object, model],
  );
  return (
    <div data-test="network-yaml">
      <ResourceYAMLEditor initialResource={resource} />
    </div>
  );
};

export default YamlSection;
