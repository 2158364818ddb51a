import * as React from 'react';
import {
  Alert,
  Form,
  FormGroup,
  FormSelect,
  FormHelperText,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  List,
  ListItem,
  TextInput,
} from '@patternfly/react-core';
import { QueryError, type EvalResult, type PolicyAnalysis } from '../../core/policy/analysis';
import type { Endpoint, EndpointInterface } from '../../core/policy/endpoints';
import type { Direction } from '../../core/policy/policies';
import { useNetworkingTranslation } from '../shared/i18n';
import { deciding, sideText, verdictText, type T } from './policy-text';
import { parseIp } from '../../core/policy/ip';
import './check-traffic.css';

const IP_PEER = '__ip__';

/** An address the analysis cannot read (empty is not an answer yet, not an error). */
const badIp = (text: string): boolean => text.trim() !== '' && !parseIp(text.trim());

/** A port the analysis cannot take (empty means every port). */
const badPort = (text: string): boolean => {
  const v = text.trim();
  return v !== '' && (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 65535);
};

/**
 * Whether a field's error shows: set when the field is left with a bad value, cleared as soon as
 * its value is good again. "10.1" on the way to "10.1.2.3" is not a mistake yet, so no error while
 * typing; once shown, it goes the moment the value is right. Leaving a good value does not arm it,
 * or the next edit of that field would be judged keystroke by keystroke.
 */
const useLeftBad = (bad: (text: string) => boolean) => {
  const [shown, setShown] = React.useState(false);
  return {
    shown,
    changed: (text: string) => {
      if (!bad(text)) setShown(false);
    },
    left: (text: string) => setShown(bad(text)),
  };
};

/** A field's error under it, when there is one. */
const FieldError: React.FC<{ text?: string; dataTest: string }> = ({ text, dataTest }) =>
  text ? (
    <FormHelperText>
      <HelperText>
        <HelperTextItem variant="error" data-test={dataTest}>
          {text}
        </HelperTextItem>
      </HelperText>
    </FormHelperText>
  ) : null;

export interface CheckTrafficProps {
  analysis: PolicyAnalysis;
  endpoint: Endpoint;
  iface: EndpointInterface;
}

const peerKey = (e: Endpoint, i: EndpointInterface) => `${e.key}|${i.name}`;

/**
 * "Would this traffic be allowed?" for one interface: direction, a peer (an address, or another
 * interface on the same network), protocol and port. The answer updates as the fields change.
 *
 * One field per row (the protocol and port share a row only where both still get 400 px, see
 * check-traffic.css): the tab is ~650-800 px wide inside kubevirt-plugin's VM page, too narrow for
 * two wide fields side by side.
 */
export const CheckTraffic: React.FC<CheckTrafficProps> = ({ analysis, endpoint, iface }) => {
  const { t } = useNetworkingTranslation();
  const tt = t as unknown as T;
  const id = (f: string) =>
    `policy-check-${endpoint.name}-${iface.name}-${f}`.replace(/[^\w-]/g, '-');
  const [direction, setDirection] = React.useState<Direction>('egress');
  const [peer, setPeer] = React.useState<string>(IP_PEER);
  const [ip, setIp] = React.useState('');
  const [protocol, setProtocol] = React.useState('');
  const [port, setPort] = React.useState('');
  const ipLeft = useLeftBad(badIp);
  const portLeft = useLeftBad(badPort);

  const peers = React.useMemo(
    () =>
      analysis
        .attachments(iface.networkId)
        .filter((a) => a.endpoint !== endpoint)
        .map((a) => ({
          key: peerKey(a.endpoint, a.iface),
          attachment: a,
          label: t('{{name}} ({{kind}}) {{iface}}{{ips}}', {
            name: a.endpoint.name,
            kind: a.endpoint.kind,
            iface: a.iface.name,
            ips: a.iface.ips.length ? `: ${a.iface.ips.map((x) => x.text).join(', ')}` : '',
          }),
        })),
    [analysis, endpoint, iface, t],
  );

  // Bad input never reaches the analysis, whether or not its error shows yet.
  const ipInvalid = peer === IP_PEER && badIp(ip);
  const portValue = port.trim();
  const portInvalid = protocol !== '' && badPort(port);
  // Field-level input errors, shown under the field once it has been left.
  const ipError =
    ipInvalid && ipLeft.shown
      ? t('"{{value}}" is not an IPv4 or IPv6 address.', { value: ip.trim() })
      : undefined;
  const portError =
    portInvalid && portLeft.shown ? t('Port must be a number from 1 to 65535.') : undefined;

  const outcome = React.useMemo((): { result?: EvalResult; error?: string } | undefined => {
    const chosen = peers.find((p) => p.key === peer);
    if (!chosen && ip.trim() === '') return undefined;
    if (ipInvalid || portInvalid) return undefined;
    try {
      const result = analysis.evaluate({
        endpoint,
        interface: iface.name,
        direction,
        peer: chosen
          ? { endpoint: chosen.attachment.endpoint, interface: chosen.attachment.iface.name }
          : { ip: ip.trim() },
        protocol: protocol || undefined,
        port: protocol && portValue !== '' ? Number(portValue) : undefined,
      });
      return { result };
    } catch (e) {
      if (e instanceof QueryError) return { error: t(e.message) };
      throw e;
    }
  }, [
    analysis,
    endpoint,
    iface,
    direction,
    peer,
    ip,
    protocol,
    portValue,
    peers,
    t,
    ipInvalid,
    portInvalid,
  ]);

  return (
    <div data-test="policy-check-traffic">
      <Form isWidthLimited onSubmit={(e) => e.preventDefault()}>
        <FormGroup label={t('Direction')} fieldId={id('direction')}>
          <FormSelect
            id={id('direction')}
            data-test="policy-check-direction"
            value={direction}
            onChange={(_e, v) => setDirection(v as Direction)}
          >
            <FormSelectOption value="egress" label={t('Egress: from this interface')} />
            <FormSelectOption value="ingress" label={t('Ingress: to this interface')} />
          </FormSelect>
        </FormGroup>
        <FormGroup label={t('Peer')} fieldId={id('peer')}>
          <FormSelect
            id={id('peer')}
            data-test="policy-check-peer"
            value={peer}
            onChange={(_e, v) => setPeer(v)}
          >
            <FormSelectOption value={IP_PEER} label={t('An IP address (type it below)')} />
            {peers.map((p) => (
              <FormSelectOption key={p.key} value={p.key} label={p.label} />
            ))}
          </FormSelect>
        </FormGroup>
        {/* Hidden, not cleared, while an interface is the peer: the typed address comes back. */}
        {peer === IP_PEER && (
          <FormGroup label={t('Peer IP address')} fieldId={id('ip')}>
            <TextInput
              id={id('ip')}
              data-test="policy-check-ip"
              value={ip}
              placeholder="192.168.77.1"
              validated={ipError ? 'error' : 'default'}
              aria-invalid={!!ipError}
              onChange={(_e, v) => {
                setIp(v);
                ipLeft.changed(v);
              }}
              onBlur={() => ipLeft.left(ip)}
            />
            <FieldError text={ipError} dataTest="policy-check-ip-error" />
          </FormGroup>
        )}
        <div className="vm-networking-check-traffic__pair">
          <FormGroup label={t('Protocol')} fieldId={id('protocol')}>
            <FormSelect
              id={id('protocol')}
              data-test="policy-check-protocol"
              value={protocol}
              onChange={(_e, v) => setProtocol(v)}
            >
              <FormSelectOption value="" label={t('None (ICMP, as ping sends)')} />
              <FormSelectOption value="TCP" label="TCP" />
              <FormSelectOption value="UDP" label="UDP" />
              <FormSelectOption value="SCTP" label="SCTP" />
            </FormSelect>
          </FormGroup>
          <FormGroup label={t('Port')} fieldId={id('port')}>
            {/* ICMP has no port: the field shows none, but keeps the typed one for TCP/UDP/SCTP. */}
            <TextInput
              id={id('port')}
              data-test="policy-check-port"
              inputMode="numeric"
              value={protocol ? port : ''}
              isDisabled={!protocol}
              placeholder={protocol ? t('every port') : t('no port for ICMP')}
              validated={portError ? 'error' : 'default'}
              aria-invalid={!!portError}
              onChange={(_e, v) => {
                setPort(v);
                portLeft.changed(v);
              }}
              onBlur={() => portLeft.left(port)}
            />
            <FieldError text={portError} dataTest="policy-check-port-error" />
          </FormGroup>
        </div>
      </Form>
      {outcome?.error && (
        <Alert
          variant="warning"
          isInline
          isPlain
          title={outcome.error}
          data-test="policy-check-error"
        />
      )}
      {outcome?.result && (
        <Alert
          variant={
            outcome.result.verdict === 'Allowed'
              ? 'success'
              : outcome.result.verdict === 'Unknown'
                ? 'warning'
                : 'danger'
          }
          isInline
          title={<span data-test="policy-verdict">{verdictText(tt, outcome.result)}</span>}
          data-test="policy-verdict-alert"
        >
          {outcome.result.policy && (
            <div data-test="policy-verdict-deciding">
              {outcome.result.tier
                ? t(
                    'Deciding tier: {{tier}} (tiers in order: AdminNetworkPolicy, NetworkPolicy, BaselineAdminNetworkPolicy)',
                    {
                      tier: outcome.result.tier,
                    },
                  )
                : null}
            </div>
          )}
          <List isPlain data-test="policy-verdict-sides">
            <ListItem data-test="policy-verdict-self">{sideText(tt, outcome.result.self)}</ListItem>
            {outcome.result.peer && (
              <ListItem data-test="policy-verdict-peer">
                {sideText(tt, outcome.result.peer)}
              </ListItem>
            )}
            {[outcome.result.self, outcome.result.peer].flatMap((side) =>
              (side?.passedBy ?? []).map((p) => (
                <ListItem key={`${side!.endpoint}-${p.policy.name}-${p.rule.index}`}>
                  {t('{{where}}: passed on to NetworkPolicy by {{deciding}}', {
                    where: side!.endpoint,
                    deciding: deciding(tt, { ...p, direction: side!.direction }),
                  })}
                </ListItem>
              )),
            )}
          </List>
          {outcome.result.notes.map((n) => (
            <div key={n}>{t(n)}</div>
          ))}
        </Alert>
      )}
    </div>
  );
};
