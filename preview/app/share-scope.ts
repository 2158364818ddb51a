/**
 * The one share scope object every plugin container is initialised with, holding the modules the
 * emulated console provides (singletons, no plugin fallback). Version keys are the real versions, so
 * webpack's singleton checks see what they would see in a console built with these packages. In the
 * 4.22 bundle the imports below resolve to console 4.22's modules (preview/build-host.ts), where
 * `react-router-dom` and `react-router-dom-v5-compat` are react-router 7 itself.
 */
import * as React from 'react';
import * as ReactI18next from 'react-i18next';
import * as ReactRedux from 'react-redux';
import * as ReactRouter from 'react-router';
import * as ReactRouterDom from 'react-router-dom';
import * as ReactRouterDomV5Compat from 'react-router-dom-v5-compat';
import * as Redux from 'redux';
import * as ReduxThunk from 'redux-thunk';
import { sdkInternalModule, sdkModule } from '../sdk';

declare const __SHARED_VERSIONS__: Record<string, string>;

type ShareEntry = { get: () => Promise<() => unknown>; loaded?: 1; eager?: boolean; from: string };
export type ShareScope = Record<string, Record<string, ShareEntry>>;

const eager = (m: unknown): ShareEntry => ({
  get: () => Promise.resolve(() => m),
  loaded: 1,
  eager: true,
  from: 'preview-host',
});
const lazy = (load: () => Promise<unknown>): ShareEntry => ({
  get: () => load().then((m) => () => m),
  from: 'preview-host',
});

const versions = __SHARED_VERSIONS__;

export const createShareScope = (): ShareScope => {
  const entries: Array<[string, ShareEntry]> = [
    ['react', eager(React)],
    ['react-i18next', eager(ReactI18next)],
    ['react-router', eager(ReactRouter)],
    ['react-router-dom', eager(ReactRouterDom)],
    ['react-router-dom-v5-compat', eager(ReactRouterDomV5Compat)],
    ['redux', eager(Redux)],
    ['react-redux', eager(ReactRedux)],
    ['redux-thunk', eager(ReduxThunk)],
    // Large and rarely used: loaded only when a plugin asks for it.
    ['@patternfly/react-topology', lazy(() => import('@patternfly/react-topology'))],
    ['@openshift-console/dynamic-plugin-sdk', eager(sdkModule)],
    ['@openshift-console/dynamic-plugin-sdk-internal', eager(sdkInternalModule)],
  ];
  const scope: ShareScope = {};
  for (const [name, entry] of entries) scope[name] = { [versions[name] ?? '0.0.0']: entry };
  return scope;
};
