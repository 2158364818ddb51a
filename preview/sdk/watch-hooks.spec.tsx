/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped, as in the console SDK */
/**
 * The host's useK8sWatchResources as the VM network details page drives it: React (17, legacy root,
 * effects run after render as in the browser) over a scripted API whose answers arrive when the test
 * says. The page's resource map starts empty and gains keys once the network's row is known, keys
 * change again when more namespaces are reached, and API discovery may finish at any point — in
 * particular between a component's render and its effects. Every order must end with loaded data.
 */
import type * as ReactNS from 'react';
import type * as ReactDOMNS from 'react-dom';
import type * as TestUtilsNS from 'react-dom/test-utils';

/** An answer the test releases (or fails) when it chooses. */
interface Deferred {
  promise: Promise<any>;
  resolve: (v: any) => void;
  reject: (e: unknown) => void;
}
const deferred = (): Deferred => {
  let resolve!: (v: any) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<any>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

/** Requests the SDK made, by path (query string kept), each with the answer the test controls. */
let mockRequests: Map<string, Deferred[]>;
const mockAnswer = (url: string, signal?: AbortSignal): Promise<any> => {
  const list = mockRequests.get(url) ?? [];
  const d = deferred();
  list.push(d);
  mockRequests.set(url, list);
  // A request the SDK aborts (its watch was stopped) is over: the test cannot answer it.
  signal?.addEventListener('abort', () => {
    (d as any).done = true;
    d.reject(new DOMException('The operation was aborted.', 'AbortError'));
  });
  return d.promise;
};

jest.mock('./http', () => {
  const actual = jest.requireActual('./http');
  return {
    ...actual,
    consoleFetchJSON: Object.assign(
      (url: string, _method?: string, options?: RequestInit) =>
        mockAnswer(new URL(url, 'http://h').href, options?.signal ?? undefined),
      {},
    ),
  };
});
// Watch sockets stay open (no events) until the watch is stopped: only lists answer here.
jest.mock('./ws', () => {
  const actual = jest.requireActual('./ws');
  return {
    ...actual,
    readWatchSocket: (_url: string, _on: unknown, signal: AbortSignal) =>
      new Promise((resolve) => {
        const end = () => resolve({ opened: true, stoppedByHandler: false, events: 0 });
        if (signal.aborted) end();
        else signal.addEventListener('abort', end);
      }),
  };
});

const BASE = 'http://h/api/kubernetes';
const VMS = (ns: string) => `${BASE}/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines`;
const VM_GVK = { group: 'kubevirt.io', version: 'v1', kind: 'VirtualMachine' };

/** Lets promise callbacks run, but no timer: React's scheduled effects stay pending. */
const microtasks = async (n = 50) => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};

const pending = (url: string): Deferred | undefined =>
  (mockRequests.get(url) ?? []).find((d) => !(d as any).done);

/** Answers the oldest open request for `url`. */
const answer = (url: string, body: any) => {
  const d = pending(url);
  if (!d)
    throw new Error(`no open request for ${url}; open: ${[...mockRequests.keys()].join(' ')}`);
  (d as any).done = true;
  d.resolve(body);
};

const discovery = () => {
  answer(`${BASE}/api/v1`, { resources: [] });
  answer(`${BASE}/apis`, {
    groups: [
      { name: 'kubevirt.io', versions: [{ version: 'v1' }], preferredVersion: { version: 'v1' } },
    ],
  });
};
const discoveryGroups = () =>
  answer(`${BASE}/apis/kubevirt.io/v1`, {
    resources: [
      {
        name: 'virtualmachines',
        namespaced: true,
        kind: 'VirtualMachine',
        verbs: ['get', 'list', 'watch'],
      },
    ],
  });

const vmList = (ns: string, names: string[]) => ({
  metadata: { resourceVersion: '10' },
  items: names.map((name) => ({ metadata: { name, namespace: ns, resourceVersion: '5' } })),
});

const until = async (what: string, test: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

type WatchModule = typeof import('./watch');
type ModelsModule = typeof import('./models');

let watch: WatchModule;
let models: ModelsModule;
// React comes from the same module registry as the SDK under test (one React per page).
let React: typeof ReactNS;
let ReactDOM: typeof ReactDOMNS;
let act: typeof TestUtilsNS.act;
let container: HTMLDivElement;

beforeEach(() => {
  mockRequests = new Map();
  // A fresh SDK (model store, shared watches) per test, as a fresh page would have.
  jest.isolateModules(() => {
    React = require('react');
    ReactDOM = require('react-dom');
    act = require('react-dom/test-utils').act;
    watch = require('./watch');
    models = require('./models');
  });
  (window as any).SERVER_FLAGS = { basePath: '/' };
  container = document.createElement('div');
  document.body.appendChild(container);
});

// The first test renders outside act() on purpose (effects must run later, from React's scheduler, as
// in a browser), so React's test-only "not wrapped in act(...)" advice is expected here; any other
// console error still fails.
let consoleError: jest.SpyInstance;
beforeEach(() => {
  const real = console.error;
  consoleError = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('was not wrapped in act(')) return;
    real(...args);
    throw new Error(`console.error: ${String(args[0])}`);
  });
});

afterEach(() => {
  consoleError.mockRestore();
  act(() => {
    ReactDOM.unmountComponentAtNode(container);
  });
  container.remove();
});

/** What useVmsOf does: one VM list watch per namespace, loaded when each list is. */
const VmsOf: ReactNS.FC<{ namespaces: string[]; onEffect?: () => void }> = ({
  namespaces,
  onEffect,
}) => {
  const resources = React.useMemo(() => {
    const r: Record<string, any> = {};
    namespaces.forEach((ns, i) => {
      r[`vm${i}`] = { groupVersionKind: VM_GVK, isList: true, namespace: ns };
    });
    return r;
  }, [namespaces]);
  const res = watch.useK8sWatchResources(resources);
  React.useEffect(() => onEffect?.());
  const loaded = namespaces.every((_, i) => res[`vm${i}`]?.loaded);
  const names = namespaces.flatMap((_, i) =>
    ((res[`vm${i}`]?.data as any[]) ?? []).map((v) => `${v.metadata.namespace}/${v.metadata.name}`),
  );
  return (
    <span data-loaded={String(loaded)} data-vms={names.sort().join(',')}>
      {loaded ? 'loaded' : 'loading'}
    </span>
  );
};

const state = () => {
  const span = container.querySelector('span');
  return { loaded: span?.getAttribute('data-loaded'), vms: span?.getAttribute('data-vms') };
};

describe('useK8sWatchResources as the VM network details page uses it', () => {
  it('loads when API discovery finishes between the first render and its effects', async () => {
    // The host starts discovery before it renders the page (preview/app/index.tsx).
    void models.modelStore.discover();
    let effects = 0;
    // Legacy root, outside act: the effects run later, from React's scheduler, as in the browser.
    ReactDOM.render(<VmsOf namespaces={['a']} onEffect={() => effects++} />, container);
    expect(state().loaded).toBe('false');
    discovery();
    await microtasks();
    discoveryGroups();
    await microtasks();
    // The race this test is about: discovery is done and its listeners ran, the component's
    // effects (where it subscribes) have not.
    expect(models.modelStore.loaded).toBe(true);
    expect(effects).toBe(0);
    await until('the VM list is requested', () => !!pending(VMS('a')));
    answer(VMS('a'), vmList('a', ['vm-1']));
    await until('loaded', () => state().loaded === 'true');
    expect(state().vms).toBe('a/vm-1');
  });

  it('loads after the resource map goes from empty to keyed, then gains and changes keys', async () => {
    void models.modelStore.discover();
    discovery();
    await microtasks();
    discoveryGroups();
    await microtasks();
    const renderWith = (namespaces: string[]) =>
      act(() => {
        ReactDOM.render(<VmsOf namespaces={namespaces} />, container);
      });
    // The network's row is not known yet: no namespace reached.
    renderWith([]);
    // Its row is known: one namespace; the list answers only after the next re-key started.
    renderWith(['a']);
    await until('a is listed', () => !!pending(VMS('a')));
    renderWith(['a', 'b']);
    answer(VMS('a'), vmList('a', ['vm-1']));
    await until('b is listed', () => !!pending(VMS('b')));
    expect(state().loaded).toBe('false');
    answer(VMS('b'), vmList('b', ['vm-2']));
    await until('loaded', () => state().loaded === 'true');
    expect(state().vms).toBe('a/vm-1,b/vm-2');
    // The same key now names another namespace: never the old namespace's data as this one's.
    renderWith(['c', 'b']);
    expect(state().loaded).toBe('false');
    // b's query did not change: its watch stays, with its data (listed once, never again).
    expect(mockRequests.get(VMS('b'))).toHaveLength(1);
    expect(state().vms).not.toContain('a/vm-1');
    await until('c is listed', () => !!pending(VMS('c')));
    answer(VMS('c'), vmList('c', []));
    await until('loaded again', () => state().loaded === 'true');
    expect(state().vms).toBe('b/vm-2');
  });

  it('keeps a watch another component still uses when one component re-keys away from it', async () => {
    void models.modelStore.discover();
    discovery();
    await microtasks();
    discoveryGroups();
    await microtasks();
    const second = document.createElement('div');
    const both = (first: string[], other: string[]) =>
      act(() => {
        ReactDOM.render(<VmsOf namespaces={first} />, container);
        ReactDOM.render(<VmsOf namespaces={other} />, second);
      });
    both(['a'], ['a']);
    await until('a is listed', () => !!pending(VMS('a')));
    answer(VMS('a'), vmList('a', ['vm-1']));
    await until('loaded', () => state().loaded === 'true');
    expect(watch.openWatches()).toHaveLength(1);
    // The first component moves to another namespace; the second still shows a's list.
    both(['b'], ['a']);
    expect(watch.openWatches()).toHaveLength(2);
    expect(second.querySelector('span')?.getAttribute('data-loaded')).toBe('true');
    act(() => {
      ReactDOM.unmountComponentAtNode(second);
    });
    // The last user of a's watch is gone: it is closed; a new user lists again and loads.
    expect(watch.openWatches()).toHaveLength(1);
    both(['b'], ['a']);
    await until('a is listed again', () => !!pending(VMS('a')));
    answer(VMS('a'), vmList('a', ['vm-1']));
    await until('b is listed', () => !!pending(VMS('b')));
    answer(VMS('b'), vmList('b', []));
    await until('both loaded', () => second.querySelector('span')?.textContent === 'loaded');
    await until('first loaded', () => state().loaded === 'true');
    act(() => {
      ReactDOM.unmountComponentAtNode(second);
    });
  });
});
