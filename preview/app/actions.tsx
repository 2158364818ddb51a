/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/**
 * Actions for a resource from `console.action/resource-provider` (model match) and `console.action/provider`
 * (contextId `resource` or the model reference), each provider hook run in its own component.
 */
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
import {
  isActionProvider,
  isResourceActionProvider,
} from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import { useResolvedExtensions } from '../sdk/extensions';
import { useAccessReview } from '../sdk/hooks';
import type { LoadedExtension } from '../sdk/store';

export interface Action {
  id: string;
  label: React.ReactNode;
  description?: string;
  cta: (() => void) | { href: string; external?: boolean };
  disabled?: boolean;
  disabledTooltip?: React.ReactNode;
  tooltip?: React.ReactNode;
  icon?: React.ReactNode;
  accessReview?: Record<string, string>;
}

export interface ModelRef {
  group: string;
  version: string;
  kind: string;
}

type HookResult = [Action[], boolean, unknown];

const ProviderRunner: React.FC<{
  id: string;
  hook: (scope: unknown) => HookResult;
  scope: unknown;
  onResult: (id: string, r: HookResult) => void;
}> = ({ id, hook, scope, onResult }) => {
  const result = hook(scope);
  const [actions, loaded, error] = result ?? [[], true, undefined];
  React.useEffect(() => {
    onResult(id, [actions ?? [], loaded, error]);
  }, [id, actions, loaded, error, onResult]);
  return null;
};

const matchesModel = (e: LoadedExtension, m: ModelRef): boolean => {
  const model = e.properties.model as Partial<ModelRef> | undefined;
  return (
    !!model &&
    model.kind === m.kind &&
    (model.group ?? 'core') === (m.group || 'core') &&
    (!model.version || model.version === m.version)
  );
};

export const useResourceActions = (
  model: ModelRef,
  obj: unknown,
): { actions: Action[]; runners: React.ReactNode; loaded: boolean } => {
  const [resourceProviders, resourceResolved] = useResolvedExtensions(
    isResourceActionProvider as any,
  );
  const [contextProviders, contextResolved] = useResolvedExtensions(isActionProvider as any);
  const ref = `${model.group}~${model.version}~${model.kind}`;
  const providers = React.useMemo(
    () => [
      ...resourceProviders.filter((e) => matchesModel(e, model)),
      ...contextProviders.filter(
        (e) => e.properties.contextId === 'resource' || e.properties.contextId === ref,
      ),
    ],
    [resourceProviders, contextProviders, model, ref],
  );
  const [results, setResults] = React.useState<Record<string, HookResult>>({});
  const onResult = React.useCallback(
    (id: string, r: HookResult) => setResults((prev) => ({ ...prev, [id]: r })),
    [],
  );
  const actions = providers.flatMap((p) => results[p.uid]?.[0] ?? []);
  const loaded = resourceResolved && contextResolved && providers.every((p) => results[p.uid]?.[1]);
  const runners = providers.map((p) => (
    <ProviderRunner
      key={p.uid}
      id={p.uid}
      hook={p.properties.provider}
      scope={obj}
      onResult={onResult}
    />
  ));
  return { actions, runners, loaded };
};

const ActionItem: React.FC<{ action: Action; onDone: () => void }> = ({ action, onDone }) => {
  const navigate = useNavigate();
  const review = action.accessReview;
  const [allowed, loading] = useAccessReview(review ?? {}, undefined, !review);
  const disabled = !!action.disabled || (!!review && (loading || !allowed));
  return (
    <DropdownItem
      key={action.id}
      data-test-action={action.id}
      data-test={action.id}
      isDisabled={disabled}
      description={action.description}
      icon={action.icon}
      tooltipProps={
        action.tooltip || (disabled && action.disabledTooltip)
          ? { content: disabled ? action.disabledTooltip : action.tooltip }
          : undefined
      }
      onClick={() => {
        onDone();
        if (typeof action.cta === 'function') action.cta();
        else if (action.cta.external) window.open(action.cta.href, '_blank', 'noopener');
        else navigate(action.cta.href);
      }}
    >
      {action.label}
    </DropdownItem>
  );
};

/** The menu's items: its providers run (and their modules load) only while it is open. */
const ActionsMenuItems: React.FC<{ model: ModelRef; obj: unknown; onDone: () => void }> = ({
  model,
  obj,
  onDone,
}) => {
  const { actions, runners, loaded } = useResourceActions(model, obj);
  return (
    <>
      {runners}
      <DropdownList>
        {actions.length === 0 ? (
          <DropdownItem isDisabled key="none">
            {loaded ? 'No actions' : 'Loading…'}
          </DropdownItem>
        ) : (
          actions.map((a) => <ActionItem key={a.id} action={a} onDone={onDone} />)
        )}
      </DropdownList>
    </>
  );
};

/**
 * A resource's actions menu. As kubevirt-plugin's LazyActionMenu (VM details header, list kebabs),
 * the action providers are resolved and run when the menu opens, not with every page or row.
 */
export const ActionsMenu: React.FC<{
  model: ModelRef;
  obj: unknown;
  variant: 'button' | 'kebab';
}> = ({ model, obj, variant }) => {
  const [open, setOpenState] = React.useState(false);
  // An action that navigates unmounts the menu before PatternFly's outside-click handler closes it.
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const setOpen = React.useCallback((o: boolean) => {
    if (mounted.current) setOpenState(o);
  }, []);
  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      popperProps={{ position: 'right' }}
      toggle={(toggleRef: React.Ref<MenuToggleElement>) =>
        variant === 'kebab' ? (
          <MenuToggle
            ref={toggleRef}
            variant="plain"
            aria-label="Actions"
            data-test="kebab-button"
            onClick={() => setOpen(!open)}
            isExpanded={open}
          >
            <EllipsisVIcon />
          </MenuToggle>
        ) : (
          <MenuToggle
            ref={toggleRef}
            data-test="actions-menu-button"
            onClick={() => setOpen(!open)}
            isExpanded={open}
          >
            Actions
          </MenuToggle>
        )
      }
    >
      {open && <ActionsMenuItems model={model} obj={obj} onDone={() => setOpen(false)} />}
    </Dropdown>
  );
};
