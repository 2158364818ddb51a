/** PatternFly's Alert as a chunk of its own (it brings Tooltip and Popper): see LazyAlert. */
export { Alert as default } from '@patternfly/react-core';
