/**
 * What differs between the consoles the host emulates, console 4.19–4.21 here: React 17's
 * `ReactDOM.render`; react-router 5's `<BrowserRouter>` with v5-compat's `<CompatRouter>` inside (as the
 * console's app.tsx), so plugins' v6 hooks work; routes matched in order by a v5 `<Switch>` whose routes
 * are `CompatRoute`s, so both v5 and v6 hooks see the route's params. preview/build-host.ts swaps this
 * module for runtime-4.22.tsx in the 4.22 bundle.
 */
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import { BrowserRouter, Route, Switch } from 'react-router-dom';
import { CompatRoute, CompatRouter } from 'react-router-dom-v5-compat';

export interface HostRoute {
  key: string;
  /** A path both router generations read (`:param`, no regular expressions). */
  path: string;
  /** Whether the path must match the whole URL (else it matches everything below it too). */
  exact: boolean;
  element: React.ReactElement;
}

export const renderRoot = (element: React.ReactElement, container: HTMLElement): void => {
  ReactDOM.render(element, container);
};

export const Router: React.FC<{ children?: React.ReactNode }> = ({ children }) => (
  <BrowserRouter>
    <CompatRouter>{children}</CompatRouter>
  </BrowserRouter>
);

export const AppRoutes: React.FC<{ routes: HostRoute[]; notFound: React.ReactElement }> = ({
  routes,
  notFound,
}) => (
  <Switch>
    {routes.map((r) => (
      <CompatRoute key={r.key} path={r.path} exact={r.exact} render={() => r.element} />
    ))}
    <Route render={() => notFound} />
  </Switch>
);
