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
import { NavLink, useLocation } from 'react-router-dom-v5-compat';
import {
  isHrefNavItem,
  isNavSection,
  isRoutePage,
} from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import { useExtensions } from '../sdk/extensions';
import { ALL_NAMESPACES_KEY } from '../sdk/hooks';
import {
  activeNamespaceStore,
  useObservable,
  type CodeRef,
  type LoadedExtension,
} from '../sdk/store';
import { ErrorBoundary } from './ErrorBoundary';
import {
  Loading,
  NotFoundPage,
  Overview,
  ResourceYAMLPage,
  VMDetailsPage,
  VMListPage,
  VM_REF,
  vmListPath,
} from './pages';
import type { PluginStatus } from './plugin-loader';
import { AppRoutes, type HostRoute } from './runtime';

const NamespaceFromURL: React.FC = () => {
  const { pathname } = useLocation();
  React.useEffect(() => {
    const m = /^\/(?:k8s\/)?ns\/([^/]+)/.exec(pathname) ?? /^\/[^/]+\/ns\/([^/]+)/.exec(pathname);
    const next = m
      ? decodeURIComponent(m[1])
      : /^\/k8s\/all-namespaces(\/|$)/.test(pathname)
        ? ALL_NAMESPACES_KEY
        : undefined;
    if (next && next !== activeNamespaceStore.get()) activeNamespaceStore.set(next);
  }, [pathname]);
  return null;
};

/** As the console's nav: namespaced links go to `all-namespaces` while no namespace is chosen. */
const hrefOf = (e: LoadedExtension, ns: string): string => {
  const p = e.properties;
  const all = ns === ALL_NAMESPACES_KEY;
  if (p.prefixNamespaced) return all ? `/k8s/all-namespaces${p.href}` : `/k8s/ns/${ns}${p.href}`;
  if (p.namespaced) return all ? `${p.href}/all-namespaces` : `${p.href}/ns/${ns}`;
  return p.href;
};

const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'pf-m-current' : '');

/**
 * A plugin page's module loads when its route is first rendered, as the console's `AsyncComponent`
 * over the route's code ref does; resolving every route up front loaded every page's chunks on
 * every page (the VM page fetched all the wizards).
 */
const lazyPages = new WeakMap<LoadedExtension, React.ComponentType>();
const lazyPage = (e: LoadedExtension): React.ComponentType => {
  let Page = lazyPages.get(e);
  if (!Page) {
    const ref = e.properties.component as CodeRef<React.ComponentType>;
    Page = React.lazy(() => ref().then((component) => ({ default: component })));
    lazyPages.set(e, Page);
  }
  return Page;
};

/** One route per path of each `console.page/route` (its `path` may be a list). */
const pluginRoutes = (pages: LoadedExtension[]): HostRoute[] =>
  pages.flatMap((e) => {
    const Page = lazyPage(e);
    return ([] as string[]).concat(e.properties.path ?? []).map((path) => ({
      key: `${e.uid}${path}`,
      path,
      exact: !!e.properties.exact,
      element: (
        <React.Suspense fallback={<Loading />}>
          <Page />
        </React.Suspense>
      ),
    }));
  });

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
  const sectionOrder = [
    'virtualization',
    ...[...bySection.keys()].filter((k) => k !== 'virtualization'),
  ];
  const sectionTitle = (id: string) =>
    sections.find((s) => s.properties.id === id)?.properties.name ??
    SECTION_TITLES[id] ??
    id.charAt(0).toUpperCase() + id.slice(1);
  return (
    <Nav aria-label="Navigation" data-test="nav">
      <NavList>
        <NavGroup title="Home">
          <NavItem>
            <NavLink end to="/" className={navClass} data-test="nav-overview">
              Overview
            </NavLink>
          </NavItem>
        </NavGroup>
        {/* The console's Virtualization section holds VirtualMachines and what plugins add to it. */}
        {sectionOrder.map((section) => (
          <NavGroup key={section} title={sectionTitle(section)}>
            {section === 'virtualization' && (
              <NavItem>
                <NavLink to={vmListPath(ns)} className={navClass} data-test="nav-virtualmachines">
                  VirtualMachines
                </NavLink>
              </NavItem>
            )}
            {(bySection.get(section) ?? []).map((e) => (
              <NavItem key={e.uid}>
                <NavLink
                  to={hrefOf(e, ns)}
                  className={navClass}
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
  const routePages = useExtensions(isRoutePage as any);
  // Built-in pages first, then plugin pages, then the generic YAML pages (console ≤4.21 matches in order).
  const routes: HostRoute[] = [
    { key: 'overview', path: '/', exact: true, element: <Overview plugins={plugins} /> },
    {
      key: 'vms-all',
      path: `/k8s/all-namespaces/${VM_REF}`,
      exact: true,
      element: <VMListPage />,
    },
    { key: 'vms', path: `/k8s/ns/:ns/${VM_REF}`, exact: true, element: <VMListPage /> },
    { key: 'vm', path: `/k8s/ns/:ns/${VM_REF}/:name`, exact: false, element: <VMDetailsPage /> },
    ...pluginRoutes(routePages),
    { key: 'yaml-ns', path: '/k8s/ns/:ns/:ref/:name', exact: true, element: <ResourceYAMLPage /> },
    {
      key: 'yaml-cluster',
      path: '/k8s/cluster/:ref/:name',
      exact: true,
      element: <ResourceYAMLPage />,
    },
  ];
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
          Preview host · <span data-test="preview-console-version">console {releaseVersion}</span>{' '}
          (React {React.version}) · {plugins.filter((p) => p.status === 'Loaded').length}/
          {plugins.length} plugins loaded
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
          <AppRoutes routes={routes} notFound={<NotFoundPage />} />
        </React.Suspense>
      </ErrorBoundary>
    </Page>
  );
};
