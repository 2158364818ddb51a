/** Row and details actions: Edit in our wizard, Delete (impact first), Attach to VMs…. */
import * as React from 'react';
import {
  Dropdown,
  DropdownItem,
  DropdownList,
  MenuToggle,
  type MenuToggleElement,
} from '@patternfly/react-core';
import { EllipsisVIcon } from '@patternfly/react-icons';
import { useNavigate } from 'react-router-dom-v5-compat';
import type { NetworkRow } from '../../core/network-list/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { editUrlOf } from './urls';

export interface NetworkActionHandlers {
  onDelete: (row: NetworkRow) => void;
  onAttach?: (row: NetworkRow) => void;
}

export const NetworkActions: React.FC<
  { row: NetworkRow; variant?: 'kebab' | 'button' } & NetworkActionHandlers
> = ({ row, variant = 'kebab', onDelete, onAttach }) => {
  const { t } = useNetworkingTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = React.useState(false);
  const edit = editUrlOf(row);
  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      popperProps={{ position: 'right' }}
      toggle={(ref: React.Ref<MenuToggleElement>) => (
        <MenuToggle
          ref={ref}
          onClick={() => setOpen(!open)}
          isExpanded={open}
          variant={variant === 'kebab' ? 'plain' : 'default'}
          aria-label={t('Actions for {{name}}', { name: row.name })}
          data-test={`network-actions-${row.name}`}
        >
          {variant === 'kebab' ? <EllipsisVIcon /> : t('Actions')}
        </MenuToggle>
      )}
    >
      <DropdownList>
        <DropdownItem
          key="edit"
          isDisabled={!edit}
          description={
            edit
              ? undefined
              : t('Rendered by {{kind}} {{name}}: edit that instead.', {
                  kind: row.renderedBy?.kind ?? '',
                  name: row.renderedBy?.name ?? '',
                })
          }
          onClick={() => edit && navigate(edit)}
          data-test="network-action-edit"
        >
          {t('Edit')}
        </DropdownItem>
        {onAttach && (
          <DropdownItem
            key="attach"
            isDisabled={row.status.state === 'invalid' || row.role === 'primary'}
            description={
              row.role === 'primary'
                ? t('A primary network is attached through the pod network, not as an extra NIC.')
                : undefined
            }
            onClick={() => {
              setOpen(false);
              onAttach(row);
            }}
            data-test="network-action-attach"
          >
            {t('Attach to VMs…')}
          </DropdownItem>
        )}
        <DropdownItem
          key="delete"
          isDanger
          onClick={() => {
            setOpen(false);
            onDelete(row);
          }}
          data-test="network-action-delete"
        >
          {t('Delete')}
        </DropdownItem>
      </DropdownList>
    </Dropdown>
  );
};
