/**
 * The host's `@openshift-console/dynamic-plugin-sdk`: what it implements, wrapped in a module object that
 * fails loudly, by name, when a plugin uses an export the host does not provide.
 */
import * as extensionGuards from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import {
  DocumentTitle,
  ErrorBoundaryFallbackPage,
  ListPageBody,
  ListPageCreate,
  ListPageCreateButton,
  ListPageCreateLink,
  ListPageHeader,
  ResourceIcon,
  ResourceLink,
  Timestamp,
} from './components';
import { useExtensions, useResolvedExtensions } from './extensions';
import {
  ListPageFilter,
  NamespaceBar,
  TableData,
  VirtualizedTable,
  useListPageFilter,
} from './list-page';
import {
  checkAccess,
  useAccessReview,
  useAccessReviewAllowed,
  useActiveNamespace,
  useActivePerspective,
  useFlag,
  useModal,
  useOverlay,
  useUserSettings,
} from './hooks';
import { HttpError, consoleFetch, consoleFetchJSON, consoleFetchText } from './http';
import { k8sCreate, k8sDelete, k8sGet, k8sList, k8sListItems, k8sPatch, k8sUpdate } from './k8s';
import {
  getAPIVersionForModel,
  getGroupVersionKindForModel,
  getGroupVersionKindForResource,
  useK8sModel,
  useK8sModels,
} from './models';
import { useK8sWatchResource, useK8sWatchResources } from './watch';
import { CodeEditor, ResourceYAMLEditor, YAMLEditor } from './yaml-editor';

export const implemented: Record<string, unknown> = {
  // The extension type guards are the SDK's own (pure functions, no console imports).
  ...extensionGuards,
  useK8sWatchResource,
  useK8sWatchResources,
  useK8sModel,
  useK8sModels,
  k8sGet,
  k8sGetResource: k8sGet,
  k8sCreate,
  k8sCreateResource: k8sCreate,
  k8sUpdate,
  k8sUpdateResource: k8sUpdate,
  k8sPatch,
  k8sPatchResource: k8sPatch,
  k8sDelete,
  k8sDeleteResource: k8sDelete,
  k8sList,
  k8sListResource: k8sList,
  k8sListItems,
  k8sListResourceItems: k8sListItems,
  consoleFetch,
  consoleFetchJSON,
  consoleFetchText,
  HttpError,
  useActiveNamespace,
  useActivePerspective,
  useAccessReview,
  useAccessReviewAllowed,
  checkAccess,
  useFlag,
  useModal,
  useOverlay,
  useUserSettings,
  useResolvedExtensions,
  useExtensions,
  ResourceLink,
  ResourceIcon,
  ListPageHeader,
  ListPageBody,
  ListPageCreate,
  ListPageCreateLink,
  ListPageCreateButton,
  DocumentTitle,
  ListPageFilter,
  useListPageFilter,
  VirtualizedTable,
  TableData,
  NamespaceBar,
  Timestamp,
  ErrorBoundaryFallbackPage,
  CodeEditor,
  YAMLEditor,
  ResourceYAMLEditor,
  getGroupVersionKindForModel,
  getGroupVersionKindForResource,
  getAPIVersionForModel,
};

/** Names used by module interop and tooling, which must read as "absent" rather than throw. */
const PROBES = new Set([
  'default',
  'then',
  'toJSON',
  '$$typeof',
  'prototype',
  'constructor',
  'nodeType',
  'asymmetricMatch',
  'inspect',
]);

export const missingExports = new Set<string>();

/**
 * A module namespace object: implemented names resolve; any other name is a function (usable as a hook,
 * a helper or a component) that throws `preview host: SDK export "X" is not implemented` when used.
 */
export const createLoudModule = (
  packageName: string,
  impl: Record<string, unknown>,
): Record<string, unknown> => {
  const stubs = new Map<string, unknown>();
  const target = Object.assign(Object.create(null), impl, { __esModule: true });
  Object.defineProperty(target, Symbol.toStringTag, { value: 'Module' });
  return new Proxy(target, {
    get(t, prop) {
      if (typeof prop === 'symbol' || prop in t) return t[prop as string];
      if (PROBES.has(prop)) return undefined;
      let stub = stubs.get(prop);
      if (!stub) {
        const name = prop;
        const fail = () => {
          const err = new Error(
            `preview host: ${packageName === '@openshift-console/dynamic-plugin-sdk' ? 'SDK' : packageName} export "${name}" is not implemented`,
          );
          missingExports.add(name);
          console.error(err.message);
          throw err;
        };
        stub = Object.defineProperty(fail, 'displayName', { value: `NotImplemented(${name})` });
        stubs.set(prop, stub);
      }
      return stub;
    },
    has(t, prop) {
      return prop in t;
    },
  });
};

export const sdkModule = createLoudModule('@openshift-console/dynamic-plugin-sdk', implemented);
export const sdkInternalModule = createLoudModule(
  '@openshift-console/dynamic-plugin-sdk-internal',
  {},
);
