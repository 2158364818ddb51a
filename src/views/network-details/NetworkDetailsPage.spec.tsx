/**
 * The details page of the demo's localnet network on a cluster without the NMState operator: the
 * console answers "Model does not exist" for NodeNetworkStates, which is no read error.
 */
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom-v5-compat';
import * as path from 'path';
import * as mock from '../../../__mocks__/@openshift-console/dynamic-plugin-sdk';
import { readManifestFile } from '../../../test-support/manifests';
import NetworkDetailsPage from './NetworkDetailsPage';

const DEMO = path.resolve(__dirname, '../../../preview/fixtures/demo');
const NODE_SIDE = ['NodeNetworkConfigurationPolicy', 'NodeNetworkState'];

it('says the cluster does not serve NodeNetworkStates, not that they could not be read', async () => {
  const objects = [
    ...readManifestFile(path.join(DEMO, '00-cluster.yaml')),
    ...readManifestFile(path.join(DEMO, '04-vm-localnet-vlan1924.yaml')),
  ].filter((o) => !NODE_SIDE.includes(o.kind ?? ''));
  const noModel = () => new Error('Model does not exist');
  mock.__setMockResources(objects as never, {
    NodeNetworkConfigurationPolicy: noModel(),
    NodeNetworkState: noModel(),
  });
  render(
    <MemoryRouter initialEntries={['/vm-networking/ns/demo-vm-localnet/nad/demo-vlan-1924']}>
      <NetworkDetailsPage />
    </MemoryRouter>,
  );
  expect(
    await screen.findByText(/This cluster does not serve NodeNetworkStates/),
  ).toBeInTheDocument();
  expect(screen.queryByText(/could not be read/)).toBeNull();
});
