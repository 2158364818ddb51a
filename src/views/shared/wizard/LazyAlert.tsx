/**
 * PatternFly's Alert, fetched when a wizard first shows one: Alert brings Tooltip and Popper,
 * which no first screen of a wizard needs otherwise.
 */
import { lazyPart } from './lazy-part';

export const Alert = lazyPart(() => import(/* webpackChunkName: "wizard-alert" */ './pf-alert'));
