/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/**
 * Loads console plugins the way console 4.19–4.21 does (src/runtime/plugin-loader.ts): fetch
 * `<basePath>api/plugins/<name>/plugin-manifest.json`, check `@console/pluginAPI` and plugin dependencies,
 * define `window.loadPluginEntry` before injecting each `loadScripts` entry, initialise the container with the
 * shared scope, turn `$codeRef`s into lazy loaders and register the extensions.
 *
 * In 4.22 mode, as console 4.22 (@openshift/dynamic-plugin-sdk's PluginStore): entries register through
 * `window.__load_plugin_entry__(name, container)`, keyed by plugin name; SDK ≤4.21 builds still call
 * `loadPluginEntry('<name>@<version>', container)`, which a legacy shim forwards with a deprecation
 * warning; manifests without `baseURL` (the legacy format) are no longer adapted.
 */
import * as semver from 'semver';
import { translateDeep } from './i18n';
import type { ShareScope } from './share-scope';
import { extensionsStore, type CodeRef, type LoadedExtension } from '../sdk/store';

interface PluginManifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  extensions: Array<{
    type: string;
    properties: Record<string, unknown>;
    flags?: LoadedExtension['flags'];
  }>;
  registrationMethod?: string;
  baseURL?: string;
  loadScripts?: string[];
  buildHash?: string;
  customProperties?: { console?: { displayName?: string; description?: string } };
}

interface Container {
  init: (scope: ShareScope) => Promise<void> | void;
  get: (module: string) => Promise<() => Record<string, unknown>>;
}

export interface PluginStatus {
  name: string;
  status: 'Pending' | 'Loaded' | 'Failed';
  version?: string;
  displayName?: string;
  manifest?: PluginManifest;
  scripts?: string[];
  error?: string;
}

export interface PluginLoadResult {
  plugins: PluginStatus[];
  errors: string[];
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const entryCallbacks = new Map<string, (container: Container) => void>();
const containers = new Map<string, Container>();

const MODE: '4.21' | '4.22' = typeof __CONSOLE_MODE__ === 'string' ? __CONSOLE_MODE__ : '4.21';

/** The key a plugin's entry registers under: `name@version` for console ≤4.21, `name` for 4.22. */
const entryKey = (name: string, version: string): string =>
  MODE === '4.22' ? name : `${name}@${version}`;

const onEntry = (callbackName: string, key: string, container: Container) => {
  containers.set(key, container);
  const cb = entryCallbacks.get(key);
  if (cb) cb(container);
  else console.error(`preview host: ${callbackName} called for unexpected plugin ${key}`);
};

export const registerEntryCallback = (): void => {
  if (MODE === '4.21') {
    (window as any).loadPluginEntry = (pluginID: string, container: Container) =>
      onEntry('loadPluginEntry', pluginID, container);
    return;
  }
  (window as any).__load_plugin_entry__ = (pluginName: string, container: Container) =>
    onEntry('__load_plugin_entry__', pluginName, container);
  (window as any).loadPluginEntry = (pluginID: string, container: Container) => {
    const at = pluginID.lastIndexOf('@');
    const name = at > 0 ? pluginID.slice(0, at) : pluginID;
    console.warn(
      `[DEPRECATED] Plugin ${name} registered through window.loadPluginEntry: it was built with a console dynamic plugin SDK older than 4.22. Rebuild it with @openshift-console/dynamic-plugin-sdk-webpack 4.22 or later to use window.__load_plugin_entry__.`,
    );
    onEntry('loadPluginEntry', name, container);
  };
};

/** `{$codeRef: "Module.export"}` → a loader; `Module` alone means the default export. */
const encodeCodeRefs = (value: unknown, container: Container, pluginName: string): unknown => {
  if (Array.isArray(value)) return value.map((v) => encodeCodeRefs(v, container, pluginName));
  if (value && typeof value === 'object') {
    const ref = (value as { $codeRef?: unknown }).$codeRef;
    if (typeof ref === 'string') {
      const dot = ref.indexOf('.');
      const moduleName = dot < 0 ? ref : ref.slice(0, dot);
      const exportName = dot < 0 ? 'default' : ref.slice(dot + 1);
      let cached: Promise<unknown> | undefined;
      const load = (() => {
        cached ??= container
          .get(moduleName)
          .then((factory) => factory())
          .then((mod) => {
            if (!(exportName in mod))
              throw new Error(
                `Plugin ${pluginName}: module "${moduleName}" has no export "${exportName}"`,
              );
            return mod[exportName];
          });
        return cached;
      }) as CodeRef;
      load.codeRef = ref;
      return load;
    }
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, encodeCodeRefs(v, container, pluginName)]),
    );
  }
  return value;
};

const injectScript = (id: string, src: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.async = true;
    script.id = id;
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Error while loading plugin script ${src}`));
    document.head.appendChild(script);
  });

export const loadPlugins = async (
  pluginNames: string[],
  shareScope: ShareScope,
  releaseVersion: string,
  basePath = '/',
): Promise<PluginLoadResult> => {
  registerEntryCallback();
  const statuses = new Map<string, PluginStatus>(
    pluginNames.map((n) => [n, { name: n, status: 'Pending' }]),
  );
  const loads = new Map<string, Promise<void>>();

  const loadOne = async (name: string): Promise<void> => {
    const status = statuses.get(name)!;
    const baseURL = `${basePath}api/plugins/${name}/`;
    const response = await fetch(`${baseURL}plugin-manifest.json`, { credentials: 'same-origin' });
    if (!response.ok)
      throw new Error(`Failed to fetch ${baseURL}plugin-manifest.json: HTTP ${response.status}`);
    const manifest = (await response.json()) as PluginManifest;
    if (manifest.name !== name)
      throw new Error(
        `Plugin manifest name "${manifest.name}" does not match the plugin name "${name}"`,
      );
    if (!DNS_SUBDOMAIN.test(manifest.name))
      throw new Error(`Plugin name "${manifest.name}" is not a DNS subdomain`);
    if (!semver.valid(manifest.version))
      throw new Error(`Plugin version "${manifest.version}" is not a semver version`);
    if (!manifest.baseURL && MODE === '4.22')
      throw new Error(`Plugin ${name}: legacy plugin manifest (no baseURL) is not supported`);
    if (!manifest.baseURL) {
      // Legacy manifests (SDK webpack < 1.x format), adapted as console ≤4.21 does.
      manifest.baseURL = baseURL;
      manifest.loadScripts = ['plugin-entry.js'];
      manifest.registrationMethod = 'callback';
    }
    status.manifest = manifest;
    status.version = manifest.version;
    status.displayName = manifest.customProperties?.console?.displayName;

    for (const [dep, range] of Object.entries(manifest.dependencies ?? {})) {
      if (dep === '@console/pluginAPI') {
        if (
          semver.valid(releaseVersion) &&
          !semver.satisfies(releaseVersion, range, { includePrerelease: true })
        ) {
          throw new Error(
            `Plugin ${name} requires @console/pluginAPI ${range} but the console version is ${releaseVersion}`,
          );
        }
      } else {
        const depLoad = loads.get(dep);
        if (!depLoad)
          throw new Error(`Plugin ${name} depends on plugin ${dep}, which is not enabled`);
        await depLoad;
        const depVersion = statuses.get(dep)?.version ?? '';
        if (!semver.satisfies(depVersion, range, { includePrerelease: true })) {
          throw new Error(`Plugin ${name} requires plugin ${dep} ${range}, found ${depVersion}`);
        }
      }
    }
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) {
      const depLoad = loads.get(dep);
      if (depLoad) await depLoad.catch(() => undefined);
    }
    if (manifest.registrationMethod !== 'callback') {
      throw new Error(
        `Plugin ${name}: registrationMethod "${manifest.registrationMethod}" is not supported`,
      );
    }

    const pluginID = `${manifest.name}@${manifest.version}`;
    const key = entryKey(manifest.name, manifest.version);
    if (containers.has(key)) throw new Error(`Plugin ${pluginID} is already loaded`);
    let resolveEntry!: (c: Container) => void;
    const entry = new Promise<Container>((resolve) => (resolveEntry = resolve));
    entryCallbacks.set(key, resolveEntry);
    const scripts = (manifest.loadScripts ?? []).map((s) =>
      new URL(s, window.location.origin + manifest.baseURL).toString(),
    );
    status.scripts = scripts;
    await Promise.all(
      scripts.map((src, i) =>
        injectScript(
          `${name}/${manifest.loadScripts![i]}`,
          `${src}?cacheBuster=${Math.random().toString(36).slice(2)}`,
        ),
      ),
    );
    if (!containers.has(key))
      throw new Error(`Scripts of plugin ${pluginID} loaded without entry callback`);
    const container = await entry;
    await container.init(shareScope);

    const extensions: LoadedExtension[] = manifest.extensions.map((e, i) => ({
      type: e.type,
      properties: translateDeep(
        encodeCodeRefs(e.properties, container, name) as Record<string, unknown>,
      ),
      flags: e.flags,
      pluginName: name,
      pluginID,
      uid: `${pluginID}[${i}]`,
    }));
    extensionsStore.set([...extensionsStore.get(), ...extensions]);
    status.status = 'Loaded';
  };

  for (const name of pluginNames) {
    loads.set(
      name,
      loadOne(name).catch((e: Error) => {
        const status = statuses.get(name)!;
        status.status = 'Failed';
        status.error = e.message;
        console.error(`preview host: plugin ${name} failed to load: ${e.message}`);
        throw e;
      }),
    );
  }
  await Promise.allSettled(loads.values());
  const plugins = [...statuses.values()];
  return { plugins, errors: plugins.flatMap((p) => (p.error ? [`${p.name}: ${p.error}`] : [])) };
};
