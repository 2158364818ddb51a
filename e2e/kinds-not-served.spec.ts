/**
 * A cluster without the NMState operator and without the ClusterNetworkPolicy API: the console's
 * watches answer "Model does not exist" for those kinds. The tab and the network details page must
 * treat that as what it is (no such objects, and the bridge mappings NMState would show are
 * unknown), not as unreadable input and not as a missing mapping.
 */
import { launchBrowser, openPage, type TestBrowser } from './support/browser';
import { startTestPreview, vmTabURL } from './support/preview';
import type { Preview } from '../preview/preview';

let preview: Preview;
let browser: TestBrowser;

beforeAll(async () => {
  preview = await startTestPreview({
    withoutCrds: [
      'nodenetworkstates.nmstate.io',
      'nodenetworkconfigurationpolicies.nmstate.io',
      'clusternetworkpolicies.policy.networking.k8s.io',
    ],
  });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

describe('a cluster that does not serve NMState or ClusterNetworkPolicy', () => {
  it('the localnet VM: no "partial data", no missing-mapping error, the node bridge unknown', async () => {
    const w = await openPage(browser);
    await w.page.setViewportSize({ width: 1600, height: 900 });
    await w.page.goto(vmTabURL(preview, 'demo-vm-localnet', 'vm-localnet'));
    const tab = w.page.locator('[data-test="vm-networking-tab"][data-loaded="true"]');
    await tab.waitFor({ timeout: 30_000 });
    await w.page.locator('[data-test="wiring-lane-nic-vlan-1924"]').waitFor();
    // The policy check of the summary has run (its ClusterNetworkPolicy watch included).
    await w.page.getByText(/Checking the policies/).waitFor({ state: 'detached' });
    const text = await tab.innerText();
    expect(text).toContain('OVN localnet · VLAN 1924');
    expect(text).toContain('192.168.4.71');
    expect(text).not.toMatch(/No node maps|partial data|could not be read/);
    expect(await w.page.locator('[data-test="diagnostics-partial"]').count()).toBe(0);
    const note = await w.page
      .locator('[data-test="wiring-lane-nic-vlan-1924"] title')
      .allTextContents();
    expect(note.join(' ')).toContain('Not known: no NMState');
    w.assertNoProblems();
    await w.page.close();
  });

  it("the localnet network's details say the cluster does not serve NodeNetworkStates", async () => {
    const w = await openPage(browser);
    await w.page.setViewportSize({ width: 1440, height: 900 });
    await w.page.goto(`${preview.url}/vm-networking/ns/demo-vm-localnet/nad/demo-vlan-1924`);
    const section = w.page.locator('[data-test="bridge-mappings"]');
    await section.waitFor({ timeout: 30_000 });
    await expect(section.innerText()).resolves.toContain(
      'This cluster does not serve NodeNetworkStates (the NMState operator is not installed)',
    );
    w.assertNoProblems();
    await w.page.close();
  });
});
