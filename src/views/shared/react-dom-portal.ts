/**
 * What the plugin bundle gets for `react-dom` (webpack alias; tests use the real package).
 *
 * The console renders plugins with its own react-dom but does not share it, so a plugin that
 * imports it ships a second copy (~40 KB gzip in every exposed module). PatternFly needs only
 * `createPortal`, and a portal is a plain element that the console's renderer mounts: React 17's
 * own `createPortal` builds exactly this object. Anything else imported from `react-dom` fails the
 * build, so a new use cannot slip in unnoticed.
 */
const REACT_PORTAL_TYPE = Symbol.for('react.portal');

const isValidContainer = (node: unknown): node is Element | DocumentFragment | Document =>
  !!node &&
  typeof node === 'object' &&
  [1, 9, 11].includes((node as { nodeType?: number }).nodeType ?? 0);

export const createPortal = (children: unknown, container: unknown, key?: string | null) => {
  if (!isValidContainer(container)) throw new Error('Target container is not a DOM element.');
  return {
    $$typeof: REACT_PORTAL_TYPE,
    key: key == null ? null : `${key}`,
    children,
    containerInfo: container,
    implementation: null,
  };
};

export default { createPortal };
