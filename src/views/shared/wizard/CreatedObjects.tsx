/** What a finished run shows: only what it created (or saved), each a link to its page. */
import * as React from 'react';
import { Alert, Button, List, ListItem } from '@patternfly/react-core';
import { Link, useNavigate } from 'react-router-dom-v5-compat';
import type { K8sObject } from '../../../core/k8s/types';
import { useNetworkingTranslation } from '../i18n';
import { objectLabel } from './k8s';
import { objectKey, type Operation } from './plan';

const NETWORK_KINDS = [
  'UserDefinedNetwork',
  'ClusterUserDefinedNetwork',
  'NetworkAttachmentDefinition',
];

/** The console's page of an object (`/k8s/ns/<ns>/<group>~<version>~<Kind>/<name>`). */
export const consoleUrlOf = (obj: K8sObject): string => {
  const name = encodeURIComponent(obj.metadata?.name ?? '');
  const ns = obj.metadata?.namespace;
  if (obj.apiVersion === 'v1' && obj.kind === 'Namespace') return `/k8s/cluster/namespaces/${name}`;
  const [group, version] = (obj.apiVersion ?? '').includes('/')
    ? obj.apiVersion!.split('/')
    : ['core', obj.apiVersion ?? 'v1'];
  const ref = `${group}~${version}~${obj.kind}`;
  return ns ? `/k8s/ns/${encodeURIComponent(ns)}/${ref}/${name}` : `/k8s/cluster/${ref}/${name}`;
};

/** Where a network's VMs are listed, to attach it to one (the VM action "Attach network"). */
const vmListUrl = (obj: K8sObject): string =>
  obj.metadata?.namespace
    ? `/k8s/ns/${encodeURIComponent(obj.metadata.namespace)}/kubevirt.io~v1~VirtualMachine`
    : '/k8s/all-namespaces/kubevirt.io~v1~VirtualMachine';

export const CreatedObjects: React.FC<{
  operations: Operation[];
  isEdit: boolean;
  backTo: string;
}> = ({ operations, isEdit, backTo }) => {
  const { t } = useNetworkingTranslation();
  const navigate = useNavigate();
  const written = operations.filter((o) => o.kind !== 'keep');
  return (
    <Alert
      variant="success"
      isInline
      title={isEdit ? t('Saved.') : t('Created.')}
      data-test="create-done"
      actionLinks={
        <Button variant="link" isInline onClick={() => navigate(backTo)}>
          {t('Back to VM networks')}
        </Button>
      }
    >
      <List data-test="created-objects">
        {written.map((op) => (
          <ListItem key={objectKey(op.obj)}>
            <Link to={consoleUrlOf(op.obj)} data-test="created-object-link">
              {objectLabel(op.obj)}
            </Link>
            {NETWORK_KINDS.includes(op.obj.kind ?? '') && (
              <>
                {' · '}
                <Link to={vmListUrl(op.obj)} data-test="attach-to-vm">
                  {t('Attach to a VM…')}
                </Link>
              </>
            )}
          </ListItem>
        ))}
      </List>
    </Alert>
  );
};
