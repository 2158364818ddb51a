/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/**
 * The console's list-page building blocks, as the host provides them to plugins: `ListPageFilter` /
 * `useListPageFilter` (filters kept in the URL as `rowFilter-<type>` and `name`, as the console
 * does), `VirtualizedTable` / `TableData` (sort kept in the URL as `sortBy=<column title>` and
 * `orderBy=asc|desc`), and `NamespaceBar` (with "All Projects"). Prop shapes follow the SDK's
 * console-types.d.ts; rows are rendered in full rather than windowed.
 */
import * as React from 'react';
import {
  Badge,
  EmptyState,
  EmptyStateBody,
  MenuToggle,
  type MenuToggleElement,
  SearchInput,
  Select,
  SelectGroup,
  SelectList,
  SelectOption,
  Spinner,
  Toolbar,
  ToolbarContent,
  ToolbarFilter,
  ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Th, Thead, Tr } from '@patternfly/react-table';
// v5-compat: the same hooks under console 4.21 (react-router 5 + compat) and 4.22 (react-router 7).
import { useLocation, useNavigate } from 'react-router-dom-v5-compat';
import { ALL_NAMESPACES_KEY, useActiveNamespace } from './hooks';
import { useK8sWatchResource } from './watch';

type FilterValue = { selected?: string[]; all?: string[] };
type RowFilter = {
  filterGroupName: string;
  type: string;
  items: { id: string; title: string }[];
  filter: (input: FilterValue, obj: any) => boolean;
  reducer?: (obj: any) => string | number;
  isMatch?: (obj: any, id: string) => boolean;
  defaultSelected?: string[];
};
type RowSearchFilter = {
  filterGroupName: string;
  type: string;
  filter: (input: FilterValue, obj: any) => boolean;
  placeholder?: string;
};

const NAME_FILTER = 'name';
const rowFilterParam = (type: string) => `rowFilter-${type}`;

/** The console's name filter: every character of the text, in order, case-insensitive. */
const fuzzyMatch = (text: string, value: string): boolean => {
  const needle = text.toLowerCase();
  const hay = value.toLowerCase();
  let i = 0;
  for (const c of hay) if (c === needle[i]) i += 1;
  return i >= needle.length;
};

const applyFilters = (
  data: any[],
  filters: Record<string, FilterValue>,
  rowFilters: (RowFilter | RowSearchFilter)[],
): any[] => {
  const active = Object.entries(filters).filter(([, v]) => v?.selected?.length);
  if (!active.length) return data;
  return data.filter((obj) =>
    active.every(([type, value]) => {
      if (type === NAME_FILTER) {
        const text = value.selected?.[0] ?? '';
        return !text || fuzzyMatch(text, obj?.metadata?.name ?? '');
      }
      const rf = rowFilters.find((f) => f.type === type);
      return rf ? rf.filter(value, obj) : true;
    }),
  );
};

export const useListPageFilter = (
  data: any[],
  rowFilters: (RowFilter | RowSearchFilter)[] = [],
  staticFilters: Record<string, FilterValue> = {},
): [any[], any[], (type: string, value: FilterValue) => void] => {
  const [filters, setFilters] = React.useState<Record<string, FilterValue>>({});
  const staticData = React.useMemo(
    () => applyFilters(data ?? [], staticFilters, rowFilters),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- as the console: filters by value
    [data, JSON.stringify(staticFilters)],
  );
  const filteredData = React.useMemo(
    () => applyFilters(staticData, filters, rowFilters),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [staticData, filters],
  );
  const onFilterChange = React.useCallback(
    (type: string, value: FilterValue) => setFilters((prev) => ({ ...prev, [type]: value })),
    [],
  );
  return [staticData, filteredData, onFilterChange];
};

const useQueryParams = () => {
  const location = useLocation();
  const navigate = useNavigate();
  const params = React.useMemo(() => new URLSearchParams(location.search), [location.search]);
  const set = React.useCallback(
    (key: string, value: string | undefined) => {
      const next = new URLSearchParams(window.location.search);
      if (value) next.set(key, value);
      else next.delete(key);
      const search = next.toString();
      navigate(`${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`, {
        replace: true,
      });
    },
    [navigate],
  );
  return [params, set] as const;
};

export const ListPageFilter: React.FC<{
  data: any[];
  loaded: boolean;
  rowFilters?: RowFilter[];
  nameFilterPlaceholder?: string;
  nameFilterTitle?: string;
  hideNameLabelFilters?: boolean;
  hideLabelFilter?: boolean;
  onFilterChange: (type: string, value: FilterValue) => void;
  nameFilter?: string;
  [k: string]: unknown;
}> = ({
  data,
  loaded,
  rowFilters = [],
  nameFilterPlaceholder,
  hideNameLabelFilters,
  onFilterChange,
  nameFilter,
}) => {
  const [params, setParam] = useQueryParams();
  const nameKey = nameFilter ?? NAME_FILTER;
  const [open, setOpen] = React.useState(false);
  const selectedOf = React.useCallback(
    (type: string): string[] => {
      const raw = params.get(rowFilterParam(type));
      const rf = rowFilters.find((f) => f.type === type);
      const ids = rf?.items.map((i) => i.id) ?? [];
      return raw === null
        ? (rf?.defaultSelected ?? [])
        : raw.split(',').filter((s) => ids.includes(s));
    },
    [params, rowFilters],
  );
  const text = params.get(nameKey) ?? '';
  // The URL is the state: every change of it is handed to the list's filter hook.
  React.useEffect(() => {
    for (const rf of rowFilters) {
      onFilterChange(rf.type, { selected: selectedOf(rf.type), all: rf.items.map((i) => i.id) });
    }
    onFilterChange(NAME_FILTER, { selected: text ? [text] : [] });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params]);

  const counts = React.useMemo(() => {
    const out: Record<string, Record<string, number>> = {};
    for (const rf of rowFilters) {
      const c: Record<string, number> = {};
      for (const obj of data ?? []) {
        for (const item of rf.items) {
          const hit = rf.isMatch ? rf.isMatch(obj, item.id) : rf.reducer?.(obj) === item.id;
          if (hit) c[item.id] = (c[item.id] ?? 0) + 1;
        }
      }
      out[rf.type] = c;
    }
    return out;
  }, [data, rowFilters]);

  const toggle = (type: string, id: string) => {
    const current = selectedOf(type);
    const next = current.includes(id) ? current.filter((x) => x !== id) : [...current, id];
    setParam(rowFilterParam(type), next.join(','));
  };

  return (
    <Toolbar
      data-test="filter-toolbar"
      clearAllFilters={() => {
        rowFilters.forEach((rf) => setParam(rowFilterParam(rf.type), undefined));
      }}
    >
      <ToolbarContent>
        {rowFilters.length > 0 && (
          <ToolbarItem>
            {rowFilters.reduceRight(
              (inner, rf) => (
                <ToolbarFilter
                  categoryName={rf.filterGroupName}
                  labels={selectedOf(rf.type).map((id) => ({
                    key: id,
                    node: rf.items.find((i) => i.id === id)?.title ?? id,
                  }))}
                  deleteLabel={(_c, label) =>
                    toggle(
                      rf.type,
                      typeof label === 'string' ? label : (label as { key: string }).key,
                    )
                  }
                  deleteLabelGroup={() => setParam(rowFilterParam(rf.type), undefined)}
                >
                  {inner}
                </ToolbarFilter>
              ),
              <Select
                isOpen={open}
                onOpenChange={setOpen}
                role="menu"
                onSelect={(_e, value) => {
                  const [type, id] = String(value).split('\u0000');
                  toggle(type, id);
                }}
                toggle={(ref: React.Ref<MenuToggleElement>) => (
                  <MenuToggle
                    ref={ref}
                    onClick={() => setOpen(!open)}
                    isExpanded={open}
                    data-test="filter-dropdown-toggle"
                  >
                    Filter
                  </MenuToggle>
                )}
              >
                {rowFilters.map((rf) => (
                  <SelectGroup key={rf.type} label={rf.filterGroupName}>
                    <SelectList>
                      {rf.items.map((item) => (
                        <SelectOption
                          key={item.id}
                          value={`${rf.type}\u0000${item.id}`}
                          hasCheckbox
                          isSelected={selectedOf(rf.type).includes(item.id)}
                          data-test-row-filter={item.id}
                        >
                          {item.title} <Badge isRead>{counts[rf.type]?.[item.id] ?? 0}</Badge>
                        </SelectOption>
                      ))}
                    </SelectList>
                  </SelectGroup>
                ))}
              </Select>,
            )}
          </ToolbarItem>
        )}
        {!hideNameLabelFilters && (
          <ToolbarItem>
            <SearchInput
              aria-label={nameFilterPlaceholder ?? 'Search by name...'}
              placeholder={nameFilterPlaceholder ?? 'Search by name...'}
              value={text}
              onChange={(_e, v) => setParam(nameKey, v)}
              onClear={() => setParam(nameKey, undefined)}
              data-test="name-filter-input"
              isDisabled={!loaded}
            />
          </ToolbarItem>
        )}
      </ToolbarContent>
    </Toolbar>
  );
};

export const TableData: React.FC<{
  id: string;
  activeColumnIDs: Set<string>;
  className?: string;
  children?: React.ReactNode;
}> = ({ id, activeColumnIDs, className, children }) =>
  activeColumnIDs.has(id) || id === '' ? (
    <td id={id} className={`pf-v6-c-table__td ${className ?? ''}`} role="gridcell">
      {children}
    </td>
  ) : null;

type Column = {
  title: string;
  id: string;
  sort?: string | ((data: any[], direction: 'asc' | 'desc') => any[]);
  props?: Record<string, unknown>;
  [k: string]: unknown;
};

const getPath = (obj: any, path: string) =>
  path.split('.').reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), obj);

export const VirtualizedTable: React.FC<{
  data: any[];
  unfilteredData: any[];
  loaded: boolean;
  loadError: any;
  columns: Column[];
  Row: React.ComponentType<any>;
  NoDataEmptyMsg?: React.ComponentType;
  EmptyMsg?: React.ComponentType;
  rowData?: any;
  label?: string;
  'aria-label'?: string;
  sortColumnIndex?: number;
  sortDirection?: 'asc' | 'desc';
  [k: string]: unknown;
}> = ({
  data,
  unfilteredData,
  loaded,
  loadError,
  columns,
  Row,
  NoDataEmptyMsg,
  EmptyMsg,
  rowData,
  label,
  'aria-label': ariaLabel,
  sortColumnIndex = 0,
  sortDirection = 'asc',
}) => {
  const [params, setParam] = useQueryParams();
  const fromUrl = columns.findIndex((c) => c.title === params.get('sortBy'));
  const index = fromUrl >= 0 ? fromUrl : sortColumnIndex;
  const direction =
    fromUrl >= 0 ? (params.get('orderBy') === 'desc' ? 'desc' : 'asc') : sortDirection;
  const activeColumnIDs = React.useMemo(() => new Set(columns.map((c) => c.id)), [columns]);
  const sorted = React.useMemo(() => {
    const column = columns[index];
    if (!column?.sort) return data;
    if (typeof column.sort === 'function') return column.sort([...data], direction);
    const path = column.sort;
    const out = [...data].sort((a, b) =>
      String(getPath(a, path) ?? '').localeCompare(String(getPath(b, path) ?? ''), 'en', {
        numeric: true,
      }),
    );
    return direction === 'desc' ? out.reverse() : out;
  }, [data, columns, index, direction]);

  if (loadError) {
    return (
      <EmptyState titleText="Error loading" headingLevel="h2" data-test="list-load-error">
        <EmptyStateBody>{loadError?.message ?? String(loadError)}</EmptyStateBody>
      </EmptyState>
    );
  }
  if (!loaded) return <Spinner aria-label="Loading" />;
  if (!unfilteredData?.length) {
    return NoDataEmptyMsg ? (
      <NoDataEmptyMsg />
    ) : (
      <EmptyState titleText={`No ${label ?? 'items'} found`} headingLevel="h2" />
    );
  }
  if (!sorted.length) {
    return EmptyMsg ? (
      <EmptyMsg />
    ) : (
      <EmptyState titleText="No results match the filter criteria" headingLevel="h2" />
    );
  }
  return (
    <div className="co-m-table-grid co-m-table-grid--bordered">
      <Table
        aria-label={ariaLabel ?? label}
        variant="compact"
        borders
        data-test="virtualized-table"
        role="grid"
        aria-rowcount={sorted.length}
      >
        <Thead>
          <Tr>
            {columns.map((c, i) => (
              <Th
                key={c.id || `col-${i}`}
                id={c.id}
                data-label={c.title}
                screenReaderText={c.title ? undefined : 'Actions'}
                {...(c.props ?? {})}
                sort={
                  c.sort
                    ? {
                        columnIndex: i,
                        sortBy: { index, direction },
                        onSort: (_e, col, dir) => {
                          setParam('sortBy', columns[col].title);
                          setParam('orderBy', dir);
                        },
                      }
                    : undefined
                }
              >
                {c.title}
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {sorted.map((obj, i) => (
            <Tr
              key={obj?.metadata?.uid ?? `${obj?.metadata?.namespace}/${obj?.metadata?.name}/${i}`}
            >
              <Row obj={obj} rowData={rowData} activeColumnIDs={activeColumnIDs} index={i} />
            </Tr>
          ))}
        </Tbody>
      </Table>
    </div>
  );
};

/** The project chooser of console pages: "All Projects" plus every namespace the user can list. */
export const NamespaceBar: React.FC<{
  onNamespaceChange?: (namespace: string) => void;
  isDisabled?: boolean;
  children?: React.ReactNode;
}> = ({ onNamespaceChange, isDisabled, children }) => {
  const [active, setActive] = useActiveNamespace();
  const [namespaces, loaded] = useK8sWatchResource({ kind: 'Namespace', isList: true });
  const [open, setOpen] = React.useState(false);
  const choose = (ns: string) => {
    setOpen(false);
    setActive(ns);
    onNamespaceChange?.(ns);
  };
  return (
    <div className="preview-namespace-bar" data-test="namespace-bar">
      <Select
        isOpen={open}
        onOpenChange={setOpen}
        selected={active}
        onSelect={(_e, v) => typeof v === 'string' && choose(v)}
        toggle={(ref: React.Ref<MenuToggleElement>) => (
          <MenuToggle
            ref={ref}
            onClick={() => setOpen(!open)}
            isExpanded={open}
            isDisabled={isDisabled}
            data-test="namespace-dropdown"
          >
            Project: {active === ALL_NAMESPACES_KEY ? 'All Projects' : active}
          </MenuToggle>
        )}
      >
        <SelectList>
          <SelectOption value={ALL_NAMESPACES_KEY} data-test="namespace-option-all">
            All Projects
          </SelectOption>
          {loaded &&
            (namespaces as any[]).map((ns) => (
              <SelectOption
                key={ns.metadata.name}
                value={ns.metadata.name}
                data-test={`namespace-option-${ns.metadata.name}`}
              >
                {ns.metadata.name}
              </SelectOption>
            ))}
        </SelectList>
      </Select>
      {children}
    </div>
  );
};
