import * as React from 'react';
import { Alert, List, ListItem, Stack, StackItem } from '@patternfly/react-core';
import type { NetworkingModel } from '../../core/model/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { useMessageText } from '../shared/useMessage';
import { ObjectLink } from './InterfaceDetails';

/** What the tab can and cannot know right now: VM state, unreadable objects, what to create first. */
export const VmStateAlerts: React.FC<{ model: NetworkingModel }> = ({ model }) => {
  const { t } = useNetworkingTranslation();
  const text = useMessageText();
  const variant = model.state === 'running' ? 'info' : 'warning';
  return (
    <Stack hasGutter data-test="vm-state">
      {model.state !== 'running' && model.stateMessages.length > 0 && (
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
      {model.state === 'running' && model.stateMessages.length > 1 && (
        <StackItem>
          <Alert
            isInline
            variant="warning"
            title={text(model.stateMessages[1])}
            data-test="vm-state-alert"
          />
        </StackItem>
      )}
      {model.createFirst.length > 0 && (
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
      {model.problems.length > 0 && (
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
