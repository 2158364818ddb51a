/**
 * Step 2: the NICs as an editable list (binding chosen from the network), "New network…" inline,
 * and a live preview of the planned wiring with the Networking tab's diagram and diagnostics.
 */
import * as React from 'react';
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  Flex,
  FlexItem,
  Form,
  Grid,
  GridItem,
  Label,
  List,
  ListItem,
  Spinner,
  Title,
} from '@patternfly/react-core';
import { PlusCircleIcon, TrashIcon } from '@patternfly/react-icons';
import { networkId, newInterface, objectKey } from '../../core/create-vm';
import type { K8sObject } from '../../core/k8s/types';
import { PRIMARY_UDN_NAMESPACE_LABEL } from '../../core/networks/udn';
import { formatFieldError } from '../../core/validation/format';
import { useNetworkingTranslation } from '../shared/i18n';
import { NicFields } from '../actions/NicFields';
import type { PrimaryNamespaceState } from './NewNetworkForm';

// Loaded when used: the network wizards' generators and the Networking tab's model and diagram.
const NewNetworkForm = React.lazy(
  () => import(/* webpackChunkName: "create-vm-new-network" */ './NewNetworkForm'),
);
const PlannedWiring = React.lazy(
  () => import(/* webpackChunkName: "create-vm-planned-wiring" */ './PlannedWiring'),
);
import type { CreateVMState } from './useCreateVMState';

const isNncp = (o: K8sObject) => o.kind === 'NodeNetworkConfigurationPolicy';

export const NetworkingStep: React.FC<{ state: CreateVMState; showErrors: boolean }> = ({
  state,
  showErrors,
}) => {
  const { t } = useNetworkingTranslation();
  const { plan, setPlan, options, ctx, macs, planIssues, planned } = state;
  const [adding, setAdding] = React.useState(false);
  const taken = plan.interfaces.map((i) => i.name);
  const used = new Set(plan.interfaces.map((i) => networkId(i.network)));

  const addInterface = () => {
    const option = options.find((o) => !used.has(o.id)) ?? options[0];
    if (option)
      setPlan((p) => ({ ...p, interfaces: [...p.interfaces, newInterface(option, ctx, taken)] }));
  };

  const onAddNetwork = (objects: K8sObject[]) => {
    state.setNetworks((list) => [...list, ...objects.filter((o) => !isNncp(o))]);
    state.setNncps((list) => [...list, ...objects.filter(isNncp)]);
    setAdding(false);
    // A secondary network gets a NIC right away; a primary UDN changes the pod network NIC.
    const main = objects.find((o) => !isNncp(o));
    const role = (main as { spec?: { layer2?: { role?: string } } } | undefined)?.spec?.layer2
      ?.role;
    if (main && role !== 'Primary') {
      const name = main.metadata?.name ?? '';
      setPlan((p) => {
        const nicName = p.interfaces.some((i) => i.name === name) ? `${name}-nic` : name;
        return {
          ...p,
          interfaces: [
            ...p.interfaces,
            {
              name: nicName.slice(0, 63),
              network: { kind: 'multus', namespace: p.namespace, name },
              binding: 'bridge',
              model: 'virtio',
              linkState: 'up',
            },
          ],
        };
      });
    } else if (main && !plan.interfaces.some((i) => i.network.kind === 'pod')) {
      setPlan((p) => ({
        ...p,
        interfaces: [
          {
            name: 'default',
            network: { kind: 'pod' },
            binding: 'l2bridge',
            model: 'virtio',
            linkState: 'up',
          },
          ...p.interfaces,
        ],
      }));
    }
  };

  const removePlanned = (o: K8sObject) => {
    const key = objectKey(o);
    state.setNetworks((list) => list.filter((x) => objectKey(x) !== key));
    state.setNncps((list) => list.filter((x) => objectKey(x) !== key));
  };

  const plannedObjects = [...state.networks, ...state.nncps];
  const namespaceLabelled = state.ns.create
    ? state.ns.primaryLabel
    : state.data.input.namespaceObject?.metadata?.labels?.[PRIMARY_UDN_NAMESPACE_LABEL] !==
      undefined;
  const primaryNamespace: PrimaryNamespaceState = namespaceLabelled
    ? 'labelled'
    : state.ns.create || (state.data.loaded && !state.data.namespaceExists)
      ? 'can-label'
      : 'existing-unlabelled';
  const primaryPlanned = state.networks.some(
    (o) => (o as { spec?: { layer2?: { role?: string } } }).spec?.layer2?.role === 'Primary',
  );

  return (
    <Grid hasGutter>
      <GridItem span={12}>
        <Form onSubmit={(e) => e.preventDefault()} data-test="create-vm-networking">
          {plan.interfaces.map((iface, i) => {
            const fieldErrors: Record<string, string[]> = {};
            for (const issue of planIssues) {
              if (!issue.field.startsWith(`interfaces[${i}].`) || issue.severity !== 'error')
                continue;
              if (!showErrors && issue.field.endsWith('.name')) continue;
              (fieldErrors[issue.field.split('.').pop() ?? ''] ??= []).push(
                formatFieldError(t as never, issue),
              );
            }
            return (
              <Card key={i} isCompact data-test={`nic-card-${i}`}>
                <CardHeader
                  actions={{
                    actions: (
                      <Button
                        variant="plain"
                        aria-label={t('Remove interface {{name}}', { name: iface.name })}
                        onClick={() =>
                          setPlan((p) => ({
                            ...p,
                            interfaces: p.interfaces.filter((_x, k) => k !== i),
                          }))
                        }
                        data-test={`nic-remove-${i}`}
                      >
                        <TrashIcon />
                      </Button>
                    ),
                  }}
                >
                  <CardTitle>{t('Interface {{name}}', { name: iface.name || '—' })}</CardTitle>
                </CardHeader>
                <CardBody>
                  <NicFields
                    idPrefix={`nic-${i}`}
                    value={iface}
                    onChange={(next) =>
                      setPlan((p) => ({
                        ...p,
                        interfaces: p.interfaces.map((x, k) => (k === i ? next : x)),
                      }))
                    }
                    options={options}
                    ctx={ctx}
                    macsInUse={macs}
                    fieldErrors={fieldErrors}
                  />
                </CardBody>
              </Card>
            );
          })}
          {!plan.interfaces.length && (
            <Alert isInline variant="warning" title={t('No network interface')}>
              {t('The VM will have no network at all. Add an interface, or a new network.')}
            </Alert>
          )}
          <Flex>
            <FlexItem>
              <Button
                variant="secondary"
                icon={<PlusCircleIcon />}
                onClick={addInterface}
                data-test="add-interface"
              >
                {t('Add network interface')}
              </Button>
            </FlexItem>
            <FlexItem>
              <Button
                variant="secondary"
                onClick={() => setAdding(true)}
                isDisabled={adding}
                data-test="new-network"
              >
                {t('New network…')}
              </Button>
            </FlexItem>
          </Flex>
          {adding && (
            <React.Suspense fallback={<Spinner size="md" aria-label={t('Loading')} />}>
              <NewNetworkForm
                namespace={plan.namespace}
                target={ctx.target}
                namespaces={
                  state.ns.create
                    ? [
                        {
                          name: plan.namespace,
                          labels: state.ns.primaryLabel
                            ? { 'k8s.ovn.org/primary-user-defined-network': '' }
                            : {},
                        },
                      ]
                    : state.data.input.namespaceObject
                      ? [
                          {
                            name: plan.namespace,
                            labels: state.data.input.namespaceObject.metadata?.labels ?? {},
                          },
                        ]
                      : undefined
                }
                existingNames={[
                  ...state.data.input.nads.map((n) => n.metadata?.name ?? ''),
                  ...plannedObjects.map((o) => o.metadata?.name ?? ''),
                ]}
                primaryNamespace={primaryNamespace}
                onLabelNamespace={() => state.setNs({ create: true, primaryLabel: true })}
                onAdd={onAddNetwork}
                onCancel={() => setAdding(false)}
              />
            </React.Suspense>
          )}
          {primaryPlanned && !namespaceLabelled && (
            <Alert
              isInline
              variant="danger"
              title={t('A primary user-defined network needs a labelled namespace')}
              data-test="primary-needs-label"
            >
              {t(
                'Create the namespace with this VM (Basics) and tick the primary user-defined network label: it cannot be added to an existing namespace.',
              )}
            </Alert>
          )}
          {plannedObjects.length > 0 && (
            <>
              <Title headingLevel="h3" size="md">
                {t('Created with the VM')}
              </Title>
              <List isPlain data-test="planned-objects">
                {plannedObjects.map((o) => (
                  <ListItem key={objectKey(o)}>
                    <Label color="blue">{o.kind}</Label> {o.metadata?.name}{' '}
                    <Button
                      variant="link"
                      isInline
                      onClick={() => removePlanned(o)}
                      aria-label={t('Remove {{kind}} {{name}}', {
                        kind: o.kind,
                        name: o.metadata?.name,
                      })}
                    >
                      {t('Remove')}
                    </Button>
                  </ListItem>
                ))}
              </List>
            </>
          )}
        </Form>
      </GridItem>
      <GridItem span={12} data-test="create-vm-preview">
        <React.Suspense fallback={<Spinner size="lg" aria-label={t('Loading')} />}>
          <PlannedWiring plan={plan} existing={state.data.input} planned={planned} />
        </React.Suspense>
      </GridItem>
    </Grid>
  );
};
