import * as React from 'react';
import { Button, Card, CardBody, CardTitle, Split, SplitItem } from '@patternfly/react-core';
import {
  emptyPeer,
  PROTOCOLS,
  type MNPPeerState,
  type MNPPortState,
  type MNPRuleState,
  type PeerKind,
  type Protocol,
} from '../../core/mnp/mnp';
import type { FieldError } from '../../core/validation/types';
import { useNetworkingTranslation } from '../shared/i18n';
import { ListField, NumberField, SelectField, TextField } from '../shared/wizard/fields';
import { formatLabels, parseLabels } from './labels';

type Dir = 'ingress' | 'egress';

/** Labels text as typed, kept while it still means the same labels. */
const LabelsField: React.FC<{
  field: string;
  label: string;
  value: Record<string, string>;
  onChange: (v: Record<string, string>) => void;
  errors: FieldError[];
}> = ({ field, label, value, onChange, errors }) => {
  const [text, setText] = React.useState(formatLabels(value));
  const shown =
    JSON.stringify(parseLabels(text)) === JSON.stringify(value) ? text : formatLabels(value);
  return (
    <TextField
      field={field}
      label={label}
      value={shown}
      placeholder="app=web, tier=db"
      errors={errors}
      onChange={(v) => {
        setText(v);
        onChange(parseLabels(v));
      }}
    />
  );
};

const PeerEditor: React.FC<{
  dir: Dir;
  prefix: string;
  name: string;
  peer: MNPPeerState;
  onChange: (p: MNPPeerState) => void;
  onRemove: () => void;
  errors: FieldError[];
}> = ({ dir, prefix, name, peer, onChange, onRemove, errors }) => {
  const { t } = useNetworkingTranslation();
  const set = (patch: Partial<MNPPeerState>) => onChange({ ...peer, ...patch });
  return (
    <div data-test={`${prefix}`}>
      <SelectField<PeerKind>
        field={`${prefix}.kind`}
        label={t('{{name}}: type', { name })}
        value={peer.kind}
        onChange={(kind) => set({ kind })}
        errors={errors}
        options={[
          { value: 'ipBlock', label: t('IP block (CIDR)') },
          { value: 'podSelector', label: t('Pods and VMs of this namespace, by labels') },
          { value: 'namespaceSelector', label: t('Every pod and VM of namespaces, by labels') },
          { value: 'podAndNamespace', label: t('Pods and VMs by labels, in namespaces by labels') },
        ]}
      />
      {peer.kind === 'ipBlock' && (
        <>
          <TextField
            field={`${prefix}.cidr`}
            label={t('{{name}}: CIDR', { name })}
            value={peer.cidr}
            placeholder={dir === 'ingress' ? '192.168.77.0/24' : '0.0.0.0/0'}
            onChange={(cidr) => set({ cidr })}
            errors={errors}
          />
          <ListField
            field={`${prefix}.except`}
            label={t('{{name}}: except', { name })}
            value={peer.except}
            placeholder="192.168.77.0/28"
            onChange={(except) => set({ except })}
            errors={errors}
          />
        </>
      )}
      {(peer.kind === 'podSelector' || peer.kind === 'podAndNamespace') && (
        <LabelsField
          field={`${prefix}.podLabels`}
          label={t('{{name}}: pod labels', { name })}
          value={peer.podLabels}
          onChange={(podLabels) => set({ podLabels })}
          errors={errors}
        />
      )}
      {(peer.kind === 'namespaceSelector' || peer.kind === 'podAndNamespace') && (
        <LabelsField
          field={`${prefix}.namespaceLabels`}
          label={t('{{name}}: namespace labels', { name })}
          value={peer.namespaceLabels}
          onChange={(namespaceLabels) => set({ namespaceLabels })}
          errors={errors}
        />
      )}
      <Button variant="link" isInline onClick={onRemove}>
        {t('Remove {{name}}', { name })}
      </Button>
    </div>
  );
};

const PortEditor: React.FC<{
  prefix: string;
  name: string;
  port: MNPPortState;
  onChange: (p: MNPPortState) => void;
  onRemove: () => void;
  errors: FieldError[];
}> = ({ prefix, name, port, onChange, onRemove, errors }) => {
  const { t } = useNetworkingTranslation();
  const set = (patch: Partial<MNPPortState>) => onChange({ ...port, ...patch });
  return (
    <Split hasGutter data-test={prefix}>
      <SplitItem>
        <SelectField<Protocol>
          field={`${prefix}.protocol`}
          label={t('{{name}}: protocol', { name })}
          value={port.protocol}
          onChange={(protocol) => set({ protocol })}
          errors={errors}
          options={PROTOCOLS.map((p) => ({ value: p, label: p }))}
        />
      </SplitItem>
      <SplitItem>
        <TextField
          field={`${prefix}.port`}
          label={t('{{name}}: port', { name })}
          value={port.port}
          placeholder={t('every port')}
          onChange={(v) => set({ port: v.trim() })}
          errors={errors}
        />
      </SplitItem>
      <SplitItem>
        <NumberField
          field={`${prefix}.endPort`}
          label={t('{{name}}: end port', { name })}
          value={port.endPort}
          placeholder={t('single port')}
          onChange={(endPort) => set({ endPort })}
          errors={errors}
        />
      </SplitItem>
      <SplitItem>
        <Button variant="link" isInline onClick={onRemove}>
          {t('Remove {{name}}', { name })}
        </Button>
      </SplitItem>
    </Split>
  );
};

/** The rules of one direction: each with its peers (empty: any) and ports (empty: all traffic). */
export const RulesEditor: React.FC<{
  dir: Dir;
  rules: MNPRuleState[];
  onChange: (rules: MNPRuleState[]) => void;
  errors: FieldError[];
}> = ({ dir, rules, onChange, errors }) => {
  const { t } = useNetworkingTranslation();
  const dirName = dir === 'ingress' ? t('Ingress') : t('Egress');
  const setRule = (i: number, r: MNPRuleState) => onChange(rules.map((x, k) => (k === i ? r : x)));
  return (
    <div data-test={`mnp-${dir}-rules`}>
      {rules.map((rule, i) => {
        const ruleName = t('{{dir}} rule {{n}}', { dir: dirName, n: i + 1 });
        return (
          <Card key={i} isCompact isPlain data-test={`mnp-${dir}-rule-${i}`}>
            <CardTitle>
              {ruleName}
              {': '}
              {rule.peers.length
                ? dir === 'ingress'
                  ? t('from the peers below')
                  : t('to the peers below')
                : dir === 'ingress'
                  ? t('from anywhere')
                  : t('to anywhere')}
              {', '}
              {rule.ports.length ? t('on the ports below') : t('all traffic, ping included')}
            </CardTitle>
            <CardBody>
              {rule.peers.map((peer, j) => (
                <PeerEditor
                  key={j}
                  dir={dir}
                  prefix={`${dir}[${i}].peers[${j}]`}
                  name={t('{{rule}}, peer {{n}}', { rule: ruleName, n: j + 1 })}
                  peer={peer}
                  errors={errors}
                  onChange={(p) =>
                    setRule(i, { ...rule, peers: rule.peers.map((x, k) => (k === j ? p : x)) })
                  }
                  onRemove={() =>
                    setRule(i, { ...rule, peers: rule.peers.filter((_, k) => k !== j) })
                  }
                />
              ))}
              {rule.ports.map((port, j) => (
                <PortEditor
                  key={j}
                  prefix={`${dir}[${i}].ports[${j}]`}
                  name={t('{{rule}}, port {{n}}', { rule: ruleName, n: j + 1 })}
                  port={port}
                  errors={errors}
                  onChange={(p) =>
                    setRule(i, { ...rule, ports: rule.ports.map((x, k) => (k === j ? p : x)) })
                  }
                  onRemove={() =>
                    setRule(i, { ...rule, ports: rule.ports.filter((_, k) => k !== j) })
                  }
                />
              ))}
              <Split hasGutter>
                <SplitItem>
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => setRule(i, { ...rule, peers: [...rule.peers, emptyPeer()] })}
                  >
                    {t('Add peer to {{rule}}', { rule: ruleName })}
                  </Button>
                </SplitItem>
                <SplitItem>
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() =>
                      setRule(i, {
                        ...rule,
                        ports: [...rule.ports, { protocol: 'TCP', port: '' }],
                      })
                    }
                  >
                    {t('Add port to {{rule}}', { rule: ruleName })}
                  </Button>
                </SplitItem>
                <SplitItem>
                  <Button
                    variant="link"
                    size="sm"
                    onClick={() => onChange(rules.filter((_, k) => k !== i))}
                  >
                    {t('Remove {{rule}}', { rule: ruleName })}
                  </Button>
                </SplitItem>
              </Split>
            </CardBody>
          </Card>
        );
      })}
      <Button
        variant="secondary"
        onClick={() => onChange([...rules, { peers: [], ports: [] }])}
        data-test={`mnp-add-${dir}-rule`}
      >
        {dir === 'ingress' ? t('Add ingress rule') : t('Add egress rule')}
      </Button>
    </div>
  );
};
