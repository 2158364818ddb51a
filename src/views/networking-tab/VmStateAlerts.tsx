import * as React from 'react';
import { Alert, List, ListItem, Stack, StackItem } from '@patternfly/react-core';
import type { NetworkingModel } from '../../core/model/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { useMessageText } from '../shared/useMessage';
import { ObjectLink } from './InterfaceDetails';

/** Which of the alerts below the model calls for. */
const alertsOf = (model: NetworkingModel) => ({
  state: model.state !== 'running' && model.stateMessages.length > 0,
  runningWarning: model.state === 'running' && model.stateMessages.length > 1,
  createFirst: model.createFirst.length > 0,
  unreadable: model.problems.length > 0,
});

/** Whether there is any alert to show: without one the tab leaves no empty space for them. */
export const hasVmStateAlerts = (model: NetworkingModel): boolean =>
  Object.values(alertsOf(model)).some(Boolean);

/** What the tab can and cannot know right now: VM state, unreadable objects, what to create first. */
export const VmStateAlerts: React.FC<{ model: NetworkingModel }> = ({ model }) => {
  const { t } = useNetworkingTranslation();
  const text = useMessageText();
  const variant = model.state === 'running' ? 'info' : 'warning';
  const shown = alertsOf(model);
  return (
    <Stack hasGutter data-test="vm-state">
      {shown.state && (
        <StackItem>
          <Alert
            isInline
            variant={variant}
            title={text(model.stateMessages[0])}
            data-test="vm-state-alert"
          >
            {model.stateMessages.slice(1).map((m, i) => (
              <p key={i}>{text(m)}</p>
            ))}
          </Alert>
        </StackItem>
      )}
      {shown.runningWarning && (
        <StackItem>
          <Alert
            isInline
            variant="warning"
            title={text(model.stateMessages[1])}
            data-test="vm-state-alert"
          />
        </StackItem>
      )}
      {shown.createFirst && (
        <StackItem>
          <Alert
            isInline
            variant="warning"
            title={t('Create these first')}
            data-test="create-first"
          >
            <List>
              {model.createFirst.map((r) => (
                <ListItem key={`${r.kind}/${r.namespace}/${r.name}`}>
                  {r.kind} <ObjectLink ref_={r} />
                </ListItem>
              ))}
            </List>
          </Alert>
        </StackItem>
      )}
      {shown.unreadable && (
        <StackItem>
          <Alert
            isInline
            variant="warning"
            title={t('Some objects could not be read; the facts that depend on them are not shown')}
            data-test="unreadable-resources"
          >
            <List>
              {model.problems.map((p) => (
                <ListItem key={p.resource}>
                  {p.forbidden
                    ? t('You may not read {{resource}}', { resource: p.resource })
                    : t('{{resource}}: {{error}}', { resource: p.resource, error: p.error })}
                </ListItem>
              ))}
            </List>
          </Alert>
        </StackItem>
      )}
    </Stack>
  );
};
