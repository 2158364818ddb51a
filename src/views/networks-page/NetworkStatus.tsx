/** A network's state as a label, with its first reason beside it (all of them on the details page). */
import * as React from 'react';
import { Label, List, ListItem } from '@patternfly/react-core';
import type { NetworkRow, RowState } from '../../core/network-list/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { useMessageText } from '../shared/useMessage';
import { stateLabel } from './labels';

const COLOR: Record<RowState, 'green' | 'red' | 'orange' | 'grey' | 'blue'> = {
  ready: 'green',
  'not-ready': 'red',
  invalid: 'red',
  pending: 'orange',
  'no-status': 'grey',
};

export const NetworkStatusLabel: React.FC<{ row: NetworkRow }> = ({ row }) => (
  <Label color={COLOR[row.status.state]} isCompact data-test="network-status">
    {stateLabel(useNetworkingTranslation().t, row.status.state)}
  </Label>
);

export const NetworkStatusReasons: React.FC<{ row: NetworkRow }> = ({ row }) => {
  const text = useMessageText();
  return (
    <List isPlain data-test="network-status-reasons">
      {row.status.messages.map((m, i) => (
        <ListItem key={i}>{text(m)}</ListItem>
      ))}
    </List>
  );
};

/** In the list: the label, and for a problem the first reason in small text under it. */
export const NetworkStatusCell: React.FC<{ row: NetworkRow }> = ({ row }) => {
  const text = useMessageText();
  const problem = row.status.state === 'invalid' || row.status.state === 'not-ready';
  return (
    <>
      <NetworkStatusLabel row={row} />
      {problem && row.status.messages[0] && (
        <div className="vm-networking-networks__reason" data-test="network-status-reason">
          {text(row.status.messages[0])}
        </div>
      )}
    </>
  );
};
