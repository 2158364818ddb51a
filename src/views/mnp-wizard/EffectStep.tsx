/**
 * The wizard's "What it does" step: the drafted policy's effect in plain words, per selected VM,
 * network and direction (src/core/mnp/effect). Loaded with its step.
 */
import * as React from 'react';
import { Alert, FormGroup, List, ListItem } from '@patternfly/react-core';
import { describeMNPEffect, type EffectLine } from '../../core/mnp/effect';
import type { MNPFormState } from '../../core/mnp/mnp';
import { formatMessage, type Translate } from '../../core/validation/format';
import { useNetworkingTranslation } from '../shared/i18n';
import { FieldHelp } from '../shared/wizard/fields';

/** Each effect line in the reader's language: per VM, network and direction. */
const EffectList: React.FC<{ lines: EffectLine[] }> = ({ lines }) => {
  const { t } = useNetworkingTranslation();
  if (!lines.length)
    return (
      <Alert
        variant="info"
        isInline
        isPlain
        title={t('The policy selects nothing yet: choose networks and VMs.')}
        data-test="mnp-effect-empty"
      />
    );
  return (
    <List data-test="mnp-effect">
      {lines.map((l) => (
        <ListItem key={`${l.target}/${l.network}/${l.direction}`}>
          {l.kind === 'all-blocked' ? (
            <strong>{formatMessage(t as Translate, l.message)}</strong>
          ) : (
            formatMessage(t as Translate, l.message)
          )}
        </ListItem>
      ))}
    </List>
  );
};

const EffectStep: React.FC<{ state: MNPFormState; targets?: string[] }> = ({ state, targets }) => {
  const { t } = useNetworkingTranslation();
  const lines = React.useMemo(() => describeMNPEffect(state, targets), [state, targets]);
  return (
    <FormGroup
      label={t('Effect of this policy, per VM, network and direction')}
      fieldId="mnp-effect"
      role="group"
    >
      <EffectList lines={lines} />
      <FieldHelp
        id="mnp-effect"
        errors={[]}
        helper={t(
          'This policy alone; other policies on the same network can allow more (the connectivity preview combines them).',
        )}
      />
    </FormGroup>
  );
};

export default EffectStep;
