import * as React from 'react';
import {
  ClipboardCopy,
  ClipboardCopyVariant,
  Dropdown,
  DropdownItem,
  DropdownList,
  MenuToggle,
  Modal,
  ModalBody,
  ModalHeader,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { EllipsisVIcon } from '@patternfly/react-icons';
import { dequal } from 'dequal/lite';
import {
  ExpandableRowContent,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  type ThProps,
} from '@patternfly/react-table';
import { ResourceLink } from '@openshift-console/dynamic-plugin-sdk';
import type { VirtualMachine } from '../../core/k8s/types';
import type { Message } from '../../core/model/messages';
import { networkSummaryOf, type NetworkSummary } from '../../core/model/network-summary';
import type { InterfaceRow } from '../../core/model/types';
import { LazyDetachNetworkModal } from '../actions/useVMNetworkingActions';
import { useNetworkingTranslation } from '../shared/i18n';
import { useAfterFirstPaint } from '../shared/useAfterFirstPaint';
import { useMessageText } from '../shared/useMessage';
import { useYaml } from '../shared/useYaml';
import { InterfaceDetails } from './InterfaceDetails';
import { nadKeysOfRows } from '../policy/nad-keys';
import './interfaces-table.css';

type Text = (m: string | Message) => string;
/**
 * The table's translation function, handed to its rows: one subscription to the language per
 * table, not four per row (each `useTranslation` subscribes on mount; 64 of them at 16 NICs).
 */
type T = ReturnType<typeof useNetworkingTranslation>['t'];

/** The summary as one line of words; each part shows on hover the object and field it came from. */
const NetworkCell: React.FC<{ summary: NetworkSummary; text: Text; namespace: string }> = ({
  summary,
  text,
  namespace,
}) => {
  const tone =
    summary.status === 'missing'
      ? ' vm-networking-interfaces__flag--danger'
      : summary.status === 'unknown'
        ? ' vm-networking-interfaces__flag--warning'
        : '';
  const link = summary.link;
  return (
    <>
      <span className={tone ? `vm-networking-interfaces__part${tone}` : undefined}>
        {summary.parts.map((part, i) => (
          <React.Fragment key={i}>
            {i > 0 && ' · '}
            <span className="vm-networking-interfaces__part" title={part.from}>
              {text(part.text)}
            </span>
          </React.Fragment>
        ))}
      </span>
      {link && (
        <span className="vm-networking-interfaces__sub">
          <ResourceLink
            groupVersionKind={{ group: link.group, version: link.version, kind: link.kind }}
            name={link.name}
            namespace={link.namespace}
            displayName={
              link.namespace && link.namespace !== namespace
                ? `${link.namespace}/${link.name}`
                : link.name
            }
            inline
          />
        </span>
      )}
    </>
  );
};

/** The link state the instance reports, else the one the spec sets (KubeVirt's default is up). */
const linkStateTextOf = (t: T) => {
  const names: Record<string, string> = { up: t('up'), down: t('down'), absent: t('absent') };
  const notReported = t('not reported');
  return (row: InterfaceRow): { main: string; sub?: string } => {
    const { configured, reported } = row.guest.linkState;
    const name = (s: string) => names[s] ?? s;
    if (reported) {
      return reported === configured
        ? { main: name(reported) }
        : {
            main: name(reported),
            sub: t('set {{state}} in the spec', { state: name(configured) }),
          };
    }
    return { main: name(configured), sub: notReported };
  };
};

/**
 * The rows' fixed words, translated once per table (and language) rather than in every row: in a
 * profile at 32 NICs, i18next's lookups took 17 ms of the tab's renders, most of them these words.
 */
const rowLabelsOf = (t: T) => ({
  name: t('Name'),
  binding: t('Binding'),
  network: t('Network'),
  linkState: t('Link state'),
  addresses: t('Addresses'),
  loading: t('Loading'),
  absent: t('absent'),
  pending: t('pending'),
  podInterface: t('virt-launcher pod interface'),
  pod: t('pod'),
  default: t('default'),
  deprecated: t('deprecated'),
  model: t('Model'),
  assignedAtStart: t('Assigned at start'),
});
type RowLabels = ReturnType<typeof rowLabelsOf>;

type ColumnKey = 'name' | 'binding' | 'network' | 'linkState' | 'addresses';

const compareText = (a: string, b: string) =>
  a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });

interface RowProps {
  row: InterfaceRow;
  summary: NetworkSummary;
  namespace: string;
  vmName: string;
  /** Every NAD the VM's NICs name (`ns/name`, comma-separated): the policy inputs of all rows. */
  vmNads: string;
  rowIndex: number;
  isExpanded: boolean;
  onToggle: (name: string) => void;
  onAction: (action: 'detach' | 'yaml', name: string) => void;
  canDetach: boolean;
  t: T;
  labels: RowLabels;
  text: ReturnType<typeof useMessageText>;
  linkText: ReturnType<typeof linkStateTextOf>;
  /**
   * The tab's lists are still loading: the row shows only what the VM spec says (`row.spec`: name,
   * binding, model as written) and "Loading" for the rest, and cannot be expanded.
   */
  pending: boolean;
}

const RowActionsView: React.FC<{
  name: string;
  canDetach: boolean;
  onAction: RowProps['onAction'];
  t: T;
}> = ({ name, canDetach, onAction, t }) => {
  const toggleRef = React.useRef<HTMLButtonElement>(null);
  // The menu (a PatternFly Dropdown: its Popper took 22 ms of a 32-row render in a profile) is
  // mounted when a pointer or the focus first reaches the toggle, closed; the toggle stays the
  // same element. It opens only from the frame after its mount: a Popper whose first effects run
  // with it open never finds its menu element and leaves the menu unpositioned at the page's
  // corner (a click right after the pointer's arrival did that). A click before then opens it at
  // that frame.
  const [armed, setArmed] = React.useState(false);
  const [ready, setReady] = React.useState(false);
  const [open, setOpen] = React.useState(false);
  const [openWhenReady, setOpenWhenReady] = React.useState(false);
  React.useEffect(() => {
    if (!armed || ready) return undefined;
    const frame = requestAnimationFrame(() => setReady(true));
    return () => cancelAnimationFrame(frame);
  }, [armed, ready]);
  React.useEffect(() => {
    if (ready && openWhenReady) {
      setOpenWhenReady(false);
      setOpen(true);
    }
  }, [ready, openWhenReady]);
  const arm = () => setArmed(true);
  return (
    <>
      <MenuToggle
        ref={toggleRef}
        variant="plain"
        aria-label={t('Actions for {{name}}', { name })}
        onPointerEnter={arm}
        onFocus={arm}
        onClick={() => {
          if (ready) setOpen((o) => !o);
          else {
            setArmed(true);
            setOpenWhenReady(true);
          }
        }}
        isExpanded={open}
        icon={<EllipsisVIcon />}
        data-test="interface-actions"
      />
      {armed && (
        <Dropdown
          isOpen={open}
          onOpenChange={setOpen}
          onSelect={() => setOpen(false)}
          popperProps={{ position: 'right' }}
          toggle={{ toggleRef, toggleNode: null }}
        >
          <DropdownList>
            {canDetach && (
              <DropdownItem onClick={() => onAction('detach', name)} data-test="interface-detach">
                {t('Detach…')}
              </DropdownItem>
            )}
            <DropdownItem onClick={() => onAction('yaml', name)} data-test="interface-show-yaml">
              {t('Show YAML')}
            </DropdownItem>
          </DropdownList>
        </Dropdown>
      )}
    </>
  );
};

/** Its props stay the same when the loaded model replaces the spec rows: not drawn again then. */
const RowActions = React.memo(RowActionsView);

const InterfaceRowView: React.FC<RowProps> = ({
  row,
  summary,
  namespace,
  vmName,
  vmNads,
  rowIndex,
  isExpanded,
  onToggle,
  onAction,
  canDetach,
  pending,
  t,
  labels,
  text,
  linkText,
}) => {
  const str: Text = (m) => (typeof m === 'string' ? m : text(m));
  const link = linkText(row);
  const mac = row.guest.mac.reported ?? row.guest.mac.configured;
  const podInterface = row.pod.interfaceName ?? row.pod.expectedInterface;
  const loading = <span className="vm-networking-interfaces__sub">{labels.loading}</span>;
  // While loading, the model as written in the spec: the instance may report another default.
  const model = pending ? row.spec.model : row.guest.model.value;
  return (
    <Tbody isExpanded={isExpanded && !pending}>
      <Tr data-test={pending ? `pending-row-${row.name}` : `interface-row-${row.name}`}>
        {pending ? (
          <Td />
        ) : (
          <Td
            expand={{ rowIndex, isExpanded, onToggle: () => onToggle(row.name) }}
            data-test="interface-expand"
          />
        )}
        <Td dataLabel={labels.name}>
          <span data-test="interface-name">{row.name}</span>
          {!pending && row.guest.hotplug && (
            <>
              {' '}
              <span className="vm-networking-interfaces__flag vm-networking-interfaces__flag--warning">
                {row.guest.hotplug === 'absent' ? labels.absent : labels.pending}
              </span>
            </>
          )}
          {!pending && podInterface && (
            <span className="vm-networking-interfaces__sub" title={labels.podInterface}>
              {labels.pod}:{' '}
              <span
                className="vm-networking-interfaces__nowrap"
                data-test="interface-pod-interface"
              >
                {podInterface}
              </span>
            </span>
          )}
        </Td>
        <Td dataLabel={labels.binding}>
          <span data-test="interface-binding">{row.binding.name}</span>
          {row.binding.source === 'default' && (
            <span className="vm-networking-interfaces__flag"> ({labels.default})</span>
          )}
          {row.binding.source === 'deprecated' && (
            <span className="vm-networking-interfaces__flag vm-networking-interfaces__flag--warning">
              {' '}
              ({labels.deprecated})
            </span>
          )}
          <span className="vm-networking-interfaces__sub" title={labels.model}>
            <span data-test="interface-model">{model}</span>
          </span>
        </Td>
        <Td dataLabel={labels.network} data-test="interface-network">
          {pending ? loading : <NetworkCell summary={summary} text={str} namespace={namespace} />}
        </Td>
        <Td dataLabel={labels.linkState} data-test="interface-link-state">
          {pending ? (
            loading
          ) : (
            <>
              {link.main}
              {link.sub && <span className="vm-networking-interfaces__sub">{link.sub}</span>}
            </>
          )}
        </Td>
        <Td dataLabel={labels.addresses}>
          {pending ? (
            loading
          ) : (
            <>
              <span className="vm-networking-interfaces__address" data-test="interface-mac">
                {mac ?? labels.assignedAtStart}
              </span>
              <span data-test="interface-ips">
                {row.guest.ips.map((ip) => (
                  <span
                    key={`${ip.address}-${ip.source}`}
                    className="vm-networking-interfaces__address"
                  >
                    {ip.address}
                    {ip.prefixLength !== undefined ? `/${ip.prefixLength}` : ''}
                  </span>
                ))}
              </span>
            </>
          )}
        </Td>
        <Td isActionCell>
          <RowActions name={row.name} canDetach={canDetach} onAction={onAction} t={t} />
        </Td>
      </Tr>
      {/* Only an expanded row has its details row: each PatternFly cell measures itself on mount. */}
      {isExpanded && !pending && (
        <Tr isExpanded>
          <Td colSpan={7}>
            <ExpandableRowContent>
              <InterfaceDetails row={row} namespace={namespace} vmName={vmName} vmNads={vmNads} />
            </ExpandableRowContent>
          </Td>
        </Tr>
      )}
    </Tbody>
  );
};

// Watch updates rebuild the model many times while a VM's objects load; unchanged rows keep their
// DOM. The row itself is compared last, by value, and only when nothing cheaper differs: when the
// loaded model replaces the spec rows (`pending` changes) no row is compared at all.
const MemoRow = React.memo(
  InterfaceRowView,
  (a, b) =>
    a.namespace === b.namespace &&
    a.vmName === b.vmName &&
    a.vmNads === b.vmNads &&
    a.isExpanded === b.isExpanded &&
    a.rowIndex === b.rowIndex &&
    a.onToggle === b.onToggle &&
    a.onAction === b.onAction &&
    a.canDetach === b.canDetach &&
    a.pending === b.pending &&
    a.t === b.t &&
    a.labels === b.labels &&
    a.text === b.text &&
    a.linkText === b.linkText &&
    (a.row === b.row || dequal(a.row, b.row)),
);

/** The NIC's own entries of the VM spec, as YAML (the YAML library loads on first use). */
const SpecYamlModal: React.FC<{ row: InterfaceRow; onClose: () => void }> = ({ row, onClose }) => {
  const { t } = useNetworkingTranslation();
  const iface = useYaml(row.raw.specInterface === undefined ? undefined : [row.raw.specInterface]);
  const network = useYaml(row.raw.specNetwork === undefined ? undefined : [row.raw.specNetwork]);
  const block = (title: string, yaml: string | undefined, test: string) =>
    yaml === undefined ? null : (
      <StackItem>
        <Title headingLevel="h3" size="md">
          {title}
        </Title>
        <ClipboardCopy
          isCode
          isReadOnly
          isExpanded
          hoverTip={t('Copy')}
          clickTip={t('Copied')}
          variant={ClipboardCopyVariant.expansion}
          data-test={test}
        >
          {yaml}
        </ClipboardCopy>
      </StackItem>
    );
  return (
    <Modal
      isOpen
      onClose={onClose}
      variant="medium"
      aria-labelledby="vm-networking-nic-yaml-title"
      data-test="interface-yaml-modal"
    >
      <ModalHeader
        title={t('Spec of interface {{name}}', { name: row.name })}
        labelId="vm-networking-nic-yaml-title"
      />
      <ModalBody>
        <Stack hasGutter>
          {block('spec.template.spec.domain.devices.interfaces', iface, 'interface-yaml-interface')}
          {block('spec.template.spec.networks', network, 'interface-yaml-network')}
        </Stack>
      </ModalBody>
    </Modal>
  );
};

/**
 * The rows a table first draws before it measures how many reach the window's bottom: about as
 * many as a window of this height shows. Measured in the 4.22 layout at 900 px high, the first
 * screen holds 4 rows (a 650 px tab, rows of 100-140 px) to 6 (810 px, rows of 80 px); 1080 px
 * high at 1,920 px wide, 12 rows of 60 px. Too few costs a second render and layout before the
 * first paint (`rowsToFillWindow` adds the rest); too many, rows drawn below the fold a frame
 * early. Reading `innerHeight` forces no layout.
 */
const firstRowsFor = (windowHeight: number): number => Math.max(4, Math.round(windowHeight / 110));

/**
 * How many more rows the table must draw for its rows to reach the window's bottom: none if the
 * drawn ones do, else as many as the drawn ones' mean height says, plus one. Read in a layout
 * effect, before the frame is painted: the layout it forces is the one that frame needs anyway.
 */
const rowsToFillWindow = (container: HTMLElement): number => {
  const drawn = container.querySelectorAll(':scope > table > tbody');
  if (drawn.length === 0) return 0;
  const first = drawn[0].getBoundingClientRect();
  const last = drawn[drawn.length - 1].getBoundingClientRect();
  const missing = window.innerHeight - last.bottom;
  if (missing <= 0) return 0;
  const mean = (last.bottom - first.top) / drawn.length;
  return mean > 0 ? Math.ceil(missing / mean) + 1 : drawn.length;
};

const InterfacesTableView: React.FC<{
  rows: InterfaceRow[];
  namespace: string;
  vmName: string;
  /** The VM, for the Detach action; without it (or for a draft) rows offer only their YAML. */
  vm?: VirtualMachine;
  /** Rows built from the VM spec alone while the lists load (see `RowProps.pending`). */
  pending?: boolean;
  /**
   * Draw the rows of the first screen first: the table's first commit draws only the rows that
   * reach the window's bottom, the rest one frame later, below the fold (at 32 NICs, most of the
   * rows' rendering and layout no longer stands between the click and a complete first screen).
   */
  firstScreenFirst?: boolean;
}> = ({ rows, namespace, vmName, vm, pending = false, firstScreenFirst = false }) => {
  const { t } = useNetworkingTranslation();
  const text = useMessageText();
  const [expanded, setExpanded] = React.useState<Set<string>>(new Set());
  const vmNads = React.useMemo(() => nadKeysOfRows(rows), [rows]);
  const [sort, setSort] = React.useState<{ column: ColumnKey; direction: 'asc' | 'desc' }>();
  const [action, setAction] = React.useState<{ kind: 'detach' | 'yaml'; name: string }>();
  const toggle = React.useCallback(
    (name: string) =>
      setExpanded((prev) => {
        const next = new Set(prev);
        if (next.has(name)) next.delete(name);
        else next.add(name);
        return next;
      }),
    [],
  );
  const onAction = React.useCallback(
    (kind: 'detach' | 'yaml', name: string) => setAction({ kind, name }),
    [],
  );
  const canDetach = !!vm?.metadata?.uid;
  const linkText = React.useMemo(() => linkStateTextOf(t), [t]);
  const labels = React.useMemo(() => rowLabelsOf(t), [t]);

  const entries = React.useMemo(
    () => rows.map((row) => ({ row, summary: networkSummaryOf(row) })),
    [rows],
  );
  const sorted = React.useMemo(() => {
    // While loading, only the spec's own columns can order the rows.
    if (!sort || (pending && sort.column !== 'name' && sort.column !== 'binding')) return entries;
    const str = (m: string | Message) => (typeof m === 'string' ? m : text(m));
    const keyOf = (e: (typeof entries)[number]): string => {
      switch (sort.column) {
        case 'name':
          return e.row.name;
        case 'binding':
          return e.row.binding.name;
        case 'network':
          return e.summary.parts.map((p) => str(p.text)).join(' ');
        case 'linkState':
          return linkText(e.row).main;
        case 'addresses':
          return e.row.guest.ips[0]?.address ?? e.row.guest.mac.reported ?? '';
      }
    };
    const out = [...entries].sort((a, b) => compareText(keyOf(a), keyOf(b)));
    return sort.direction === 'desc' ? out.reverse() : out;
  }, [entries, sort, text, pending, linkText]);

  const columns: [ColumnKey, string][] = [
    ['name', labels.name],
    ['binding', labels.binding],
    ['network', labels.network],
    ['linkState', labels.linkState],
    ['addresses', labels.addresses],
  ];
  const sortOf = (column: ColumnKey, columnIndex: number): ThProps['sort'] => ({
    columnIndex,
    sortBy: sort
      ? {
          index: columns.findIndex(([c]) => c === sort.column) + 1,
          direction: sort.direction,
          defaultDirection: 'asc',
        }
      : { defaultDirection: 'asc' },
    onSort: (_e, _index, direction) => setSort({ column, direction }),
  });
  const acting = action && rows.find((r) => r.name === action.name);
  const bodyRef = React.useRef<HTMLDivElement>(null);
  // Counted from the first frame with rows: the table may have shown its column heads alone first.
  const allRowsDue = useAfterFirstPaint(rows.length > 0);
  const [firstScreenRows, setFirstScreenRows] = React.useState(() =>
    firstRowsFor(typeof window === 'undefined' ? 0 : window.innerHeight),
  );
  const limited = firstScreenFirst && !allRowsDue && firstScreenRows < sorted.length;
  // Measured again after each growth, until the rows reach the bottom or all are drawn.
  React.useLayoutEffect(() => {
    if (!limited || !bodyRef.current) return;
    const more = rowsToFillWindow(bodyRef.current);
    if (more > 0) setFirstScreenRows((n) => n + more);
  }, [limited, firstScreenRows]);
  const drawn = limited ? sorted.slice(0, firstScreenRows) : sorted;

  return (
    <>
      <div className="vm-networking-interfaces-container" ref={bodyRef}>
        <Table
          aria-label={t('Network interfaces')}
          data-test={
            !pending
              ? 'vm-networking-interfaces'
              : rows.length > 0
                ? 'vm-networking-interfaces-pending'
                : 'vm-networking-interfaces-waiting'
          }
          aria-busy={pending || undefined}
          variant="compact"
          className="vm-networking-interfaces"
        >
          <Thead className="vm-networking-interfaces__head">
            <Tr>
              <Th screenReaderText={t('Details')} />
              {columns.map(([key, label], i) => (
                <Th key={key} sort={sortOf(key, i + 1)} modifier="wrap" data-test={`column-${key}`}>
                  {label}
                </Th>
              ))}
              <Th screenReaderText={t('Actions')} />
            </Tr>
          </Thead>
          {drawn.map(({ row, summary }, rowIndex) => (
            <MemoRow
              key={row.name}
              row={row}
              summary={summary}
              namespace={namespace}
              vmName={vmName}
              vmNads={vmNads}
              rowIndex={rowIndex}
              isExpanded={expanded.has(row.name)}
              onToggle={toggle}
              onAction={onAction}
              canDetach={canDetach}
              pending={pending}
              t={t}
              labels={labels}
              text={text}
              linkText={linkText}
            />
          ))}
        </Table>
      </div>
      {acting && action?.kind === 'yaml' && (
        <SpecYamlModal row={acting} onClose={() => setAction(undefined)} />
      )}
      {acting && action?.kind === 'detach' && vm && (
        <LazyDetachNetworkModal
          vm={vm}
          interfaceName={acting.name}
          closeModal={() => setAction(undefined)}
        />
      )}
    </>
  );
};

/**
 * As each of the tab's lists arrives the tab renders again; the table, whose rows are the same
 * objects until the model is built, does not.
 */
export const InterfacesTable = React.memo(InterfacesTableView);
