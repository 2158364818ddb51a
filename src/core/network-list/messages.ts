/**
 * Sentences the network list produces, as i18next keys with `{{param}}` placeholders (see
 * ../model/messages.ts for the convention): the core returns `{ message, params }`, the view
 * translates.
 */
import { msg, type Message } from '../model/messages';

const t = <S extends string>(key: S): S => key;

export type { Message };
export { msg };

export const LIST_MESSAGES = {
  statusReady: t('Ready'),
  statusNotReady: t('Not ready'),
  statusPending: t('No condition reported'),
  statusInvalid: t('Unreadable'),
  statusNoStatus: t('Config readable'),
  conditionFalse: t('{{type}} is False: {{reason}} {{message}}'),
  conditionUnknown: t('{{type}} is Unknown: {{reason}} {{message}}'),
  noConditions: t('The controller has reported no condition yet.'),
  unknownTopology: t('Unknown topology "{{topology}}": this plugin cannot read its settings.'),
  noTopology: t('The spec names no topology (or no block for it).'),
  nadConfigUnreadable: t('The NAD config cannot be read: {{error}}'),
  nadNoStatus: t('A NetworkAttachmentDefinition reports no status; its config parses.'),
  ownerNotListed: t(
    'Rendered by {{kind}} {{name}}, which is not in this list (not readable or deleted).',
  ),
  objectUnreadable: t('This object cannot be read: {{error}}'),
} as const;
