/**
 * What a successful create leaves on the page: the objects this run created, each a link to its
 * page (the VM to its Networking tab), and nothing about them being "already there".
 */
import * as React from 'react';
import { Alert, Label, List, ListItem } from '@patternfly/react-core';
import type { K8sObject } from '../../core/k8s/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { resourceUrl } from '../shared/urls';

export const vmTabUrl = (namespace: string, name: string) =>
  `/k8s/ns/${namespace}/kubevirt.io~v1~VirtualMachine/${name}/vm-networking`;

export const vmListUrl = (namespace: string) =>
  `/k8s/ns/${encodeURIComponent(namespace || 'default')}/kubevirt.io~v1~VirtualMachine`;

/** The console page of a created object. */
export const createdObjectUrl = (o: K8sObject): string => {
  const name = o.metadata?.name ?? '';
  const namespace = o.metadata?.namespace;
  if (o.kind === 'VirtualMachine') return vmTabUrl(namespace ?? '', name);
  if (o.kind === 'Namespace') return `/k8s/cluster/namespaces/${name}`;
  const [group, version] = (o.apiVersion ?? '').includes('/')
    ? (o.apiVersion ?? '').split('/')
    : ['', o.apiVersion ?? 'v1'];
  return resourceUrl({ group, version, kind: o.kind ?? '', namespace, name });
};

export const CreatedSummary: React.FC<{ objects: K8sObject[]; vmName: string }> = ({
  objects,
  vmName,
}) => {
  const { t } = useNetworkingTranslation();
  return (
    <Alert
      isInline
      variant="success"
      title={t('Created VirtualMachine {{name}}', { name: vmName })}
      data-test="create-done"
    >
      <p>{t('These objects were created, in this order:')}</p>
      <List isPlain data-test="created-objects">
        {objects.map((o) => {
          const key = `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
          return (
            <ListItem key={key}>
              <Label isCompact color="green">
                {o.kind}
              </Label>{' '}
              <a
                href={createdObjectUrl(o)}
                data-test={o.kind === 'VirtualMachine' ? 'open-networking-tab' : `created-${key}`}
              >
                {o.kind === 'VirtualMachine'
                  ? t('{{name}} (its Networking tab)', { name: o.metadata?.name })
                  : o.metadata?.namespace
                    ? `${o.metadata.namespace}/${o.metadata?.name}`
                    : o.metadata?.name}
              </a>
            </ListItem>
          );
        })}
      </List>
    </Alert>
  );
};
