import * as React from 'react';
import type { NetworkingModel } from '../../core/model/types';
import {
  WIRING_COLUMNS,
  wiringOf,
  type WiringLane,
  type WiringNode,
} from '../../core/model/wiring';
import type { Message } from '../../core/model/messages';
import { useNetworkingTranslation } from '../shared/i18n';
import { useMessageText } from '../shared/useMessage';
import { resourceUrl } from '../shared/urls';
import './wiring-diagram.css';

const BOX_WIDTH = 190;
const GAP = 44;
const LINE = 15;
const PAD = 8;
const HEADER = 24;
const LANE_GAP = 14;
const MAX_CHARS = 27;

const clip = (s: string) => (s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS - 1)}…` : s);

/** Guest NICs → binding → pod interfaces → networks → node bridge / physical network / VLAN. */
export const WiringDiagram: React.FC<{ model: NetworkingModel }> = ({ model }) => {
  const lanes = React.useMemo(() => wiringOf(model), [model]);
  const signature = React.useMemo(() => JSON.stringify(lanes), [lanes]);
  return <MemoDiagram lanes={lanes} signature={signature} />;
};

// Redrawn only when the wiring itself changes, not on every watch update.
const DiagramOfLanes = ({ lanes }: { lanes: WiringLane[]; signature: string }) => (
  <Diagram lanes={lanes} />
);
const MemoDiagram = React.memo(DiagramOfLanes, (a, b) => a.signature === b.signature);

const Diagram: React.FC<{ lanes: WiringLane[] }> = ({ lanes }) => {
  const { t } = useNetworkingTranslation();
  const text = useMessageText();
  const str = (v: string | Message) => (typeof v === 'string' ? v : text(v));
  const headers: Record<string, string> = {
    guest: t('Guest NIC'),
    binding: t('Binding'),
    pod: t('virt-launcher pod'),
    network: t('Network'),
    node: t('Node'),
  };

  const laneHeights = lanes.map(
    (lane) => PAD * 2 + LINE * (1 + Math.max(...lane.nodes.map((n) => n.lines.length))),
  );
  const width = WIRING_COLUMNS.length * BOX_WIDTH + (WIRING_COLUMNS.length - 1) * GAP + 2;
  const height = HEADER + laneHeights.reduce((a, h) => a + h + LANE_GAP, 0);

  const box = (node: WiringNode, x: number, y: number, h: number, key: string) => {
    const content = (
      <>
        <rect
          className={`vm-networking-wiring__box vm-networking-wiring__box--${node.status}`}
          x={x}
          y={y}
          width={BOX_WIDTH}
          height={h}
          rx={4}
        />
        <text className="vm-networking-wiring__title" x={x + PAD} y={y + PAD + LINE - 3}>
          <title>{str(node.title)}</title>
          {clip(str(node.title))}
        </text>
        {node.lines.map((line, i) => (
          <text
            key={i}
            className="vm-networking-wiring__line"
            x={x + PAD}
            y={y + PAD + LINE * (i + 2) - 3}
          >
            <title>{str(line)}</title>
            {clip(str(line))}
          </text>
        ))}
        {node.note && <title>{text(node.note)}</title>}
      </>
    );
    return node.ref ? (
      <a key={key} href={resourceUrl(node.ref)} className="vm-networking-wiring__link">
        {content}
      </a>
    ) : (
      <g key={key}>{content}</g>
    );
  };

  let y = HEADER;
  return (
    <div className="vm-networking-wiring" data-test="wiring-diagram">
      <svg
        role="img"
        aria-label={t('Wiring diagram')}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
      >
        <defs>
          <marker
            id="vm-networking-arrow"
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path className="vm-networking-wiring__arrow" d="M 0 0 L 10 5 L 0 10 z" />
          </marker>
        </defs>
        {WIRING_COLUMNS.map((col, i) => (
          <text
            key={col}
            className="vm-networking-wiring__header"
            x={i * (BOX_WIDTH + GAP) + 1}
            y={16}
          >
            {headers[col]}
          </text>
        ))}
        {lanes.map((lane, laneIndex) => {
          const h = laneHeights[laneIndex];
          const top = y;
          y += h + LANE_GAP;
          return (
            <g key={lane.interfaceName} data-test={`wiring-lane-${lane.interfaceName}`}>
              {lane.nodes.map((node, i) => {
                const x = i * (BOX_WIDTH + GAP) + 1;
                return (
                  <React.Fragment key={node.column}>
                    {i > 0 && (
                      <line
                        className="vm-networking-wiring__edge"
                        x1={x - GAP}
                        y1={top + h / 2}
                        x2={x - 2}
                        y2={top + h / 2}
                        markerEnd="url(#vm-networking-arrow)"
                      />
                    )}
                    {box(node, x, top, h, node.column)}
                  </React.Fragment>
                );
              })}
            </g>
          );
        })}
      </svg>
    </div>
  );
};

export default WiringDiagram;
