/**
 * Console 4.22's runtime: React 18's `createRoot`, and react-router 7 (the modules `react-router-dom`
 * and `react-router-dom-v5-compat` are react-router 7 in this bundle, as in that console), whose
 * `<Routes>` ranks routes by how specific they are. Same exports as runtime.tsx, which it replaces in the
 * 4.22 bundle.
 */
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom-v5-compat';
import type * as Runtime421 from './runtime';

export type { HostRoute } from './runtime';

export const renderRoot: typeof Runtime421.renderRoot = (element, container) => {
  createRoot(container).render(element);
};

export const Router: typeof Runtime421.Router = ({ children }) => (
  <BrowserRouter>{children}</BrowserRouter>
);

export const AppRoutes: typeof Runtime421.AppRoutes = ({ routes, notFound }) => (
  <Routes>
    {routes.map((r) => (
      <Route
        key={r.key}
        path={r.exact ? r.path : `${r.path.replace(/\/$/, '')}/*`}
        element={r.element}
      />
    ))}
    <Route path="*" element={notFound} />
  </Routes>
);
