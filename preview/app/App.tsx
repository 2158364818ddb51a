/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/** The console-like shell: masthead, navigation (built-in items plus `console.navigation/href`), routes. */
import * as React from 'react';
import {
  Alert,
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  Nav,
  NavGroup,
  NavItem,
  NavList,
  Page,
  PageSidebar,
  PageSidebarBody,
} from '@patternfly/react-core';
import { Route, Switch, useLocation, NavLink } from 'react-router-dom';
import {
  isHrefNavItem,
  isNavSection,
  isRoutePage,
} from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import { useExtensions, useResolvedExtensions } from '../sdk/extensions';
import { activeNamespaceStore, useObservable, type LoadedExtension } from '../sdk/store';
import { ErrorBoundary } from './ErrorBoundary';
import {
  NotFoundPage,
  Overview,
  ResourceYAMLPage,
  VMDetailsPage,
  VMListPage,
  VM_REF,
} from './pages';
import type { PluginStatus } from './plugin-loader';

const NamespaceFromURL: React.FC = () => {
  const { pathname } = useLocation();
  React.useEffect(() => {
    const m = /^\/(?:k8s\/)?ns\/([^/]+)/.exec(pathname) ?? /^\/[^/]+\/ns\/([^/]+)/.exec(pathname);
    if (m && m[1] !== activeNamespaceStore.get())
      activeNamespaceStore.set(decodeURIComponent(m[1]));
  }, [pathname]);
  return null;
};

const hrefOf = (e: LoadedExtension, ns: string): string => {
  const p = e.properties;
  if (p.prefixNamespaced) return `/k8s/ns/${ns}${p.href}`;
  if (p.namespaced) return `${p.href}/ns/${ns}`;
  return p.href;
};

const SECTION_TITLES: Record<string, string> = {
  home: 'Home',
  workloads: 'Workloads',
  networking: 'Networking',
  virtualization: 'Virtualization',
};

const Navigation: React.FC = () => {
  const ns = useObservable(activeNamespaceStore);
  const hrefItems = useExtensions(isHrefNavItem as any);
  const sections = useExtensions(isNavSection as any);
  const bySection = new Map<string, LoadedExtension[]>();
  hrefItems.forEach((e) => {
    const s = e.properties.section ?? 'plugins';
    bySection.set(s, [...(bySection.get(s) ?? []), e]);
  });
  const sectionTitle = (id: string) =>
    sections.find((s) => s.properties.id === id)?.properties.name ??
    SECTION_TITLES[id] ??
    id.charAt(0).toUpperCase() + id.slice(1);
  return (
    <Nav aria-label="Navigation" data-test="nav">
      <NavList>
        <NavGroup title="Home">
          <NavItem>
            <NavLink exact to="/" activeClassName="pf-m-current" data-test="nav-overview">
              Overview
            </NavLink>
          </NavItem>
        </NavGroup>
        <NavGroup title="Virtualization">
          <NavItem>
            <NavLink
              to={`/k8s/ns/${ns}/${VM_REF}`}
              activeClassName="pf-m-current"
              data-test="nav-virtualmachines"
            >
              VirtualMachines
            </NavLink>
          </NavItem>
        </NavGroup>
        {[...bySection.entries()].map(([section, items]) => (
          <NavGroup key={section} title={sectionTitle(section)}>
            {items.map((e) => (
              <NavItem key={e.uid}>
                <NavLink
                  to={hrefOf(e, ns)}
                  activeClassName="pf-m-current"
                  data-test={`nav-${e.properties.id}`}
                  {...(e.properties.dataAttributes ?? {})}
                >
                  {e.properties.name}
                </NavLink>
              </NavItem>
            ))}
          </NavGroup>
        ))}
      </NavList>
    </Nav>
  );
};

export const App: React.FC<{
  plugins: PluginStatus[];
  errors: string[];
  releaseVersion: string;
}> = ({ plugins, errors, releaseVersion }) => {
  const [routePages] = useResolvedExtensions(isRoutePage as any);
  const masthead = (
    <Masthead>
      <MastheadMain>
        <MastheadBrand>
          <MastheadLogo component="a" href="/">
            <span className="preview-brand">
              Red Hat <strong>OpenShift</strong>
            </span>
          </MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <span className="preview-masthead-note" data-test="preview-banner">
          Preview host · console {releaseVersion} plugin protocol ·{' '}
          {plugins.filter((p) => p.status === 'Loaded').length}/{plugins.length} plugins loaded
        </span>
      </MastheadContent>
    </Masthead>
  );
  const sidebar = (
    <PageSidebar>
      <PageSidebarBody>
        <Navigation />
      </PageSidebarBody>
    </PageSidebar>
  );
  return (
    <Page masthead={masthead} sidebar={sidebar} isManagedSidebar>
      <NamespaceFromURL />
      {errors.length > 0 && (
        <Alert
          variant="danger"
          isInline
          title="Some console plugins failed to load"
          data-test="plugin-load-errors"
        >
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </Alert>
      )}
      <ErrorBoundary title="Page failed">
        <React.Suspense fallback={null}>
          <Switch>
            <Route exact path="/" render={() => <Overview plugins={plugins} />} />
            <Route exact path={`/k8s/ns/:ns/${VM_REF}`} component={VMListPage} />
            <Route path={`/k8s/ns/:ns/${VM_REF}/:name/:tab?`} component={VMDetailsPage} />
            {routePages.map((e) => (
              <Route
                key={e.uid}
                path={e.properties.path}
                exact={e.properties.exact}
                component={e.properties.component}
              />
            ))}
            <Route exact path="/k8s/ns/:ns/:ref/:name" component={ResourceYAMLPage} />
            <Route exact path="/k8s/cluster/:ref/:name" component={ResourceYAMLPage} />
            <Route component={NotFoundPage} />
          </Switch>
        </React.Suspense>
      </ErrorBoundary>
    </Page>
  );
};
