/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/**
 * Host entry: sets up i18next, loads every plugin in SERVER_FLAGS.consolePlugins through the console's
 * protocol, then renders the shell. `window.__preview` exposes the load outcome to browser tests.
 */
import { Provider } from 'react-redux';
import { applyMiddleware, combineReducers, createStore } from 'redux';
import * as ReduxThunk from 'redux-thunk';
import { OverlayProvider } from '../sdk/hooks';
import { missingExports } from '../sdk';
import { modelStore } from '../sdk/models';
import { ALL_NAMESPACES_KEY } from '../sdk/hooks';
import { activeNamespaceStore, setFlag, extensionsStore } from '../sdk/store';
import { App } from './App';
import { initI18n } from './i18n';
import { loadPlugins, type PluginLoadResult } from './plugin-loader';
import { Router, renderRoot } from './runtime';
import { createShareScope } from './share-scope';
import './host.css';

interface ServerFlags {
  basePath: string;
  releaseVersion: string;
  consolePlugins: string[];
  consoleMode?: string;
  /** `--namespace`: the active namespace a fresh session starts with (else all namespaces). */
  initialNamespace?: string;
}

const flags: ServerFlags = (window as any).SERVER_FLAGS;
activeNamespaceStore.set(flags.initialNamespace ?? ALL_NAMESPACES_KEY);
const disabled = new URLSearchParams(window.location.search).get('disable-plugins');
const pluginNames =
  disabled === null
    ? flags.consolePlugins
    : disabled === ''
      ? []
      : flags.consolePlugins.filter((p) => !disabled.split(',').includes(p));

const errors: string[] = [];
let resolveLoaded!: (r: PluginLoadResult) => void;
(window as any).__preview = {
  pluginsLoaded: new Promise<PluginLoadResult>((r) => (resolveLoaded = r)),
  errors,
  missingExports,
  extensions: () =>
    extensionsStore.get().map(({ type, pluginName, uid }) => ({ type, pluginName, uid })),
};

/** `console.flag/model` extensions become true when discovery finds their model. */
const applyModelFlags = () => {
  for (const e of extensionsStore.get()) {
    if (e.type !== 'console.flag/model') continue;
    const m = e.properties.model;
    setFlag(e.properties.flag, !!modelStore.lookup(`${m.group}~${m.version}~${m.kind}`));
  }
};

// redux-thunk 2 (console ≤4.21) exports the middleware as default, 3 (console 4.22) as `thunk`.
const thunkModule: Record<string, any> = { ...ReduxThunk };
const thunk = thunkModule.thunk ?? thunkModule.default;
const store = createStore(
  combineReducers({ sdkCore: (s: object = {}) => s, k8s: (s: object = {}) => s }),
  applyMiddleware(thunk),
);

const main = async () => {
  await initI18n(pluginNames.map((n) => `plugin__${n}`));
  const result = await loadPlugins(
    pluginNames,
    createShareScope(),
    flags.releaseVersion,
    flags.basePath,
  );
  errors.push(...result.errors);
  void modelStore.discover().then(applyModelFlags);
  renderRoot(
    <Provider store={store}>
      <Router>
        <OverlayProvider>
          <App
            plugins={result.plugins}
            errors={result.errors}
            releaseVersion={flags.releaseVersion}
          />
        </OverlayProvider>
      </Router>
    </Provider>,
    document.getElementById('app')!,
  );
  resolveLoaded(result);
};

main().catch((e) => {
  console.error('preview host: failed to start', e);
  errors.push(String(e?.message ?? e));
  resolveLoaded({ plugins: [], errors: [...errors] });
});
