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

/** The width the diagram was drawn for before it could fit its container: five 190 px boxes. */
const NATURAL_WIDTH = 5 * 190 + 4 * 44 + 2;
const MAX_BOX = 190;
/** Below this a box cannot hold a pod interface name; the drawing then scales down instead. */
const MIN_BOX = 104;
const LINE = 15;
const PAD = 8;
const HEADER = 24;
const LANE_GAP = 14;
/** Average glyph widths (px) of the title (sm, bold) and line (xs) fonts, rounded up. */
const TITLE_CHAR = 7;
const LINE_CHAR = 6;

interface Geometry {
  box: number;
  gap: number;
  width: number;
  titleChars: number;
  lineChars: number;
  headerChars: number;
}

/** Boxes as wide as the container allows (between MIN_BOX and MAX_BOX), gaps narrower when tight. */
export const geometryFor = (available: number): Geometry => {
  const gap = available < 900 ? 28 : 44;
  const box = Math.max(MIN_BOX, Math.min(MAX_BOX, Math.floor((available - 4 * gap - 2) / 5)));
  const inner = box - 2 * PAD;
  return {
    box,
    gap,
    width: 5 * box + 4 * gap + 2,
    titleChars: Math.max(4, Math.floor(inner / TITLE_CHAR)),
    lineChars: Math.max(4, Math.floor(inner / LINE_CHAR)),
    // A column header may run into the gap after its boxes.
    headerChars: Math.max(4, Math.floor((box + gap - PAD) / TITLE_CHAR)),
  };
};

/** East Asian wide characters (CJK, kana, hangul, full-width forms) take about two Latin widths. */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * A character's width in average Latin letters: East Asian wide ones two, capitals (OVN, VLAN,
 * MTU, a bold title's first word) about one and a half, the rest one. Counting capitals as one let
 * "OVN（集群网…" run 2 px past its box.
 */
const widthOf = (c: string): number => (WIDE.test(c) ? 2 : c >= 'A' && c <= 'Z' ? 1.4 : 1);

/** Shortens `s` to about `max` Latin character widths (see `widthOf`), ending it with "…". */
export const clip = (s: string, max: number): string => {
  let width = 0;
  const chars = Array.from(s);
  for (let i = 0; i < chars.length; i++) {
    width += widthOf(chars[i]);
    if (width > max) {
      // Leave room for the ellipsis within the budget.
      let kept = i;
      let keptWidth = width - widthOf(chars[i]);
      while (kept > 0 && keptWidth + 1 > max) {
        kept -= 1;
        keptWidth -= widthOf(chars[kept]);
      }
      return `${chars.slice(0, kept).join('')}…`;
    }
  }
  return s;
};

/** The width the last diagram was drawn for: the next VM's diagram starts from it. */
let lastWidth: number | undefined;

/**
 * The width a diagram about to be drawn will most likely get, measured by the tab while its data
 * loads (a cheap layout of an almost empty tab): the first drawing then needs no second pass.
 */
export const expectDiagramWidth = (width: number): void => {
  if (width > 0) lastWidth = Math.floor(width);
};

/**
 * The container's content width. The first drawing must not wait for a ResizeObserver callback:
 * that costs a second render, layout and paint of the whole tab one frame later. So the width is
 * read once in a layout effect, before the first paint, in the layout the browser does for that
 * frame anyway; and the drawing starts from the width the previous diagram had, so that switching
 * VMs within a page draws once when the width is the same. The observer then follows resizes.
 * Undefined where nothing can be measured (jsdom).
 */
const useContentWidth = (ref: React.RefObject<HTMLElement>): number | undefined => {
  const [width, setWidth] = React.useState<number | undefined>(() => lastWidth);
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const update = (w: number) => {
      if (w <= 0) return;
      lastWidth = w;
      setWidth(w);
    };
    update(Math.floor(el.getBoundingClientRect().width));
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) =>
      update(Math.floor(entries[entries.length - 1].contentRect.width)),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
};

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

/** Ids of clip paths are per drawing: two diagrams on a page may have boxes of other sizes. */
let diagrams = 0;

const Diagram: React.FC<{ lanes: WiringLane[] }> = ({ lanes }) => {
  const { t } = useNetworkingTranslation();
  const [instance] = React.useState(() => (diagrams += 1));
  const container = React.useRef<HTMLDivElement>(null);
  const available = useContentWidth(container);
  const {
    box: BOX_WIDTH,
    gap: GAP,
    width,
    titleChars,
    lineChars,
    headerChars,
  } = geometryFor(available ?? NATURAL_WIDTH);
  // Where the container can be measured, the lanes are drawn for its width only (the layout
  // effect above measures it before the first paint).
  const waitForWidth = available === undefined && typeof ResizeObserver !== 'undefined';
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
  const height = HEADER + laneHeights.reduce((a, h) => a + h + LANE_GAP, 0);
  const clipId = (h: number) => `vm-networking-wiring-${instance}-clip-${h}`;

  // Only the title links to the object; addresses and device names stay plain text. A text the
  // box cannot hold is shortened and carries its full wording as a hover title (only then: 200
  // titles that repeat what is already shown cost a sixth of the drawing). Each box's group is
  // clipped to the box (one clip path per lane height), which cuts whatever the character
  // estimate let through.
  const shown = (full: string, max: number) => {
    const clipped = clip(full, max);
    return clipped === full ? full : [<title key="t">{full}</title>, clipped];
  };
  const box = (node: WiringNode, x: number, y: number, h: number, key: string) => {
    const title = str(node.title);
    const titleText = (
      <text className="vm-networking-wiring__title" x={PAD} y={PAD + LINE - 3}>
        {shown(title, titleChars)}
      </text>
    );
    return (
      <g key={key} transform={`translate(${x} ${y})`}>
        <rect
          className={`vm-networking-wiring__box vm-networking-wiring__box--${node.status}`}
          width={BOX_WIDTH}
          height={h}
          rx={4}
        >
          {node.note && <title>{text(node.note)}</title>}
        </rect>
        <g clipPath={`url(#${clipId(h)})`}>
          {node.ref ? (
            <a href={resourceUrl(node.ref)} className="vm-networking-wiring__link">
              {titleText}
            </a>
          ) : (
            titleText
          )}
          {node.lines.map((line, i) => (
            <text
              key={i}
              className="vm-networking-wiring__line"
              x={PAD}
              y={PAD + LINE * (i + 2) - 3}
            >
              {shown(str(line), lineChars)}
            </text>
          ))}
        </g>
      </g>
    );
  };

  let y = HEADER;
  return (
    <div className="vm-networking-wiring" data-test="wiring-diagram" ref={container}>
      {/* Drawn for the container's width; narrower than five minimal boxes, it scales down. */}
      <svg
        role="img"
        aria-label={t('Wiring diagram')}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        className="vm-networking-wiring__svg"
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
          {[...new Set(laneHeights)].map((h) => (
            <clipPath key={h} id={clipId(h)}>
              <rect width={BOX_WIDTH} height={h} />
            </clipPath>
          ))}
        </defs>
        {WIRING_COLUMNS.map((col, i) => (
          <text
            key={col}
            className="vm-networking-wiring__header"
            x={i * (BOX_WIDTH + GAP) + 1}
            y={16}
          >
            {shown(headers[col], headerChars)}
          </text>
        ))}
        {!waitForWidth &&
          lanes.map((lane, laneIndex) => {
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
