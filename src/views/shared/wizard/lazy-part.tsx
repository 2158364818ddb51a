/**
 * Parts of a wizard that its first screen does not show (the Review step, the YAML view, later
 * steps, alerts) are fetched on demand: each is its own chunk, and the opening of every wizard
 * stays small. Rendered under a Suspense with a labelled Spinner while the chunk loads.
 *
 * Once a part has loaded, it renders at once (the lazy component is handed a thenable that
 * resolves synchronously), so showing it a second time never flashes a spinner.
 */
import * as React from 'react';
import { Spinner } from '@patternfly/react-core';
import { useNetworkingTranslation } from '../i18n';

type Loaded<P> = { default: React.ComponentType<P> };

export interface LazyPart<P> {
  (props: P): React.ReactElement;
  /** Fetches the chunk now; resolves when the part can render without suspending. */
  preload: () => Promise<unknown>;
}

const registry: (() => Promise<unknown>)[] = [];

/** Every wizard part declared so far, loaded (tests call it before rendering a wizard). */
export const preloadWizardParts = () => Promise.all(registry.map((p) => p()));

const Loading: React.FC = () => {
  const { t } = useNetworkingTranslation();
  return <Spinner size="md" aria-label={t('Loading')} />;
};

export const lazyPart = <P extends object>(load: () => Promise<Loaded<P>>): LazyPart<P> => {
  let loaded: Loaded<P> | undefined;
  let pending: Promise<Loaded<P>> | undefined;
  const preload = () =>
    (pending ??= load().then((m) => {
      loaded = m;
      return m;
    }));
  registry.push(preload);
  const Lazy = React.lazy(() =>
    loaded
      ? // React reads a thenable that calls back at once as already resolved.
        ({ then: (resolve: (m: Loaded<P>) => void) => resolve(loaded!) } as Promise<Loaded<P>>)
      : preload(),
  );
  const Part = (props: P) => (
    <React.Suspense fallback={<Loading />}>
      {React.createElement(Lazy as unknown as React.ComponentType<P>, props)}
    </React.Suspense>
  );
  return Object.assign(Part, { preload });
};
