import * as React from 'react';
import {
  Alert,
  Bullseye,
  EmptyState,
  EmptyStateBody,
  PageSection,
  Spinner,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import type { VirtualMachine } from '../../core/k8s/types';
import { runDiagnostics } from '../../core/diagnostics';
import type { Finding } from '../../core/diagnostics/types';
import { buildNetworkingModel } from '../../core/model/interface-model';
import { prepareNetworkingInput } from '../../core/model/prepare';
import { specRowsOf, type SpecRows } from '../../core/model/spec-rows';
import type { InterfaceRow, NetworkingInput, NetworkingModel } from '../../core/model/types';
import { SectionErrorBoundary } from '../shared/ErrorBoundary';
import { useNetworkingTranslation } from '../shared/i18n';
import { useAfterFirstPaint } from '../shared/useAfterFirstPaint';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { InterfacesTable } from './InterfacesTable';
import { NetworkingToolbar } from './NetworkingToolbar';
import { RawFact } from './RawFact';
import { useNetworkingInputs } from './useNetworkingInputs';
import { hasVmStateAlerts, VmStateAlerts } from './VmStateAlerts';
import { expectDiagramWidth, WiringDiagram } from './WiringDiagram';

interface Built {
  model?: NetworkingModel;
  /** The model failed on these inputs; `model` then holds what the VM spec alone shows. */
  error?: Error;
}

/**
 * Builds the model without ever throwing into React: an error that escapes the model is shown in
 * the tab's own panel (with the raw inputs), and the rows are rebuilt from the VM spec alone so the
 * interface table still renders.
 */
export const buildSafely = (
  input: NetworkingInput | undefined,
  loaded: boolean,
): Built | undefined => {
  if (!input || !loaded) return undefined;
  try {
    return { model: buildNetworkingModel(input) };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    try {
      return { model: buildNetworkingModel({ vm: input.vm }), error };
    } catch {
      return { error };
    }
  }
};

/** The diagnostics rules over a model; a rule that throws costs its findings, not the tab. */
export const diagnoseSafely = (model: NetworkingModel): Finding[] => {
  try {
    return runDiagnostics(model);
  } catch {
    return [];
  }
};

const ModelErrorPanel: React.FC<{ error: Error; input?: NetworkingInput }> = ({ error, input }) => {
  const { t } = useNetworkingTranslation();
  return (
    <Alert
      isInline
      variant="danger"
      title={t(
        'The networking facts could not be built from these objects; only the VM spec is shown',
      )}
      data-test="model-error"
    >
      <p>{error.message}</p>
      <RawFact title={t('inputs')} value={input} dataTest="model-error-raw" />
    </Alert>
  );
};

/**
 * While the tab waits for its lists, the width its sections will have (the wiring diagram draws
 * for it): an empty box's width, as a ResizeObserver reports it after the browser's own layout.
 * Read in an effect instead, it forced a layout of the tab before its requests went out.
 */
const WidthProbe: React.FC = () => {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      expectDiagramWidth(entries[entries.length - 1].contentRect.width);
      observer.disconnect();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return <div ref={ref} aria-hidden />;
};

/**
 * How long the tab waits for its lists before it shows the rows the VM spec names. Lists that
 * answer sooner show the rows once, with their facts: through the preview's API (a fixture server
 * on the same machine) they answered 40-120 ms after the requests went out, at 32 NICs and 500
 * NADs (scripts/bench/tab-render.ts). Slower ones (a busy API server, a distant cluster) show the
 * spec rows after this wait.
 */
export const SPEC_ROWS_AFTER_MS = 150;

/**
 * Whether the lists have been loading for `ms`: the timer starts in the first commit's effects,
 * with the requests the watches send, and is dropped once they have all answered.
 */
const useLoadingFor = (ms: number, loaded: boolean): boolean => {
  const [due, setDue] = React.useState(false);
  React.useEffect(() => {
    if (loaded || due) return undefined;
    const timer = setTimeout(() => setDue(true), ms);
    return () => clearTimeout(timer);
  }, [ms, loaded, due]);
  return due && !loaded;
};

/** The rows the VM spec names, once the lists have been loading for SPEC_ROWS_AFTER_MS. */
const useSpecRows = (obj: VirtualMachine | undefined, loaded: boolean): SpecRows | undefined => {
  const due = useLoadingFor(SPEC_ROWS_AFTER_MS, loaded);
  return React.useMemo(
    () => (loaded || !obj || !due ? undefined : specRowsOf(obj)),
    [loaded, obj, due],
  );
};

/**
 * How long the tab waits for its lists before it shows a spinner. An animated spinner makes the
 * browser render a frame every 16 ms on the main thread that also parses and renders each list as
 * it arrives: drawn at once, it delayed the first screen's rows by 5-34 ms on a fresh page
 * (scripts/bench/tab-render.ts, three before/after runs). Lists that answer sooner never show it;
 * meanwhile the toolbar and the table's column heads (`aria-busy`) say the tab is there.
 */
export const SPINNER_AFTER_MS = 300;

/** The table while the lists load and the spec rows are not due: its column heads only. */
const NO_ROWS: InterfaceRow[] = [];

/** Props the console (kubevirt-plugin's VM details page) passes to a `console.tab/horizontalNav`. */
export interface NetworkingTabProps {
  obj?: VirtualMachine;
}

const NetworkingTab: React.FC<NetworkingTabProps> = ({ obj }) => {
  const { t } = useNetworkingTranslation();
  const { input, loaded } = useNetworkingInputs(obj);
  const texts = { failed: t('Could not show'), rawData: t('Raw data') };

  // The model is built once every watched list has answered, not again as each list arrives
  // (every row re-rendered per list cost more than the wait; see scripts/bench/tab-render.ts).
  const built = React.useMemo(() => buildSafely(input, loaded), [input, loaded]);
  // While it waits, the work on the lists that have arrived is done, not after the last one.
  React.useEffect(() => {
    if (input && !loaded) prepareNetworkingInput(input);
  }, [input, loaded]);
  // Until then the table can show the NICs the VM spec names, as written there (no list needed),
  // and the loaded model fills the same table in. It does so only when the lists are slow: drawn
  // while they are on their way, the spec rows (~100 ms of rendering at 32 NICs) held back the
  // loaded render by as much, and the rows grew by their facts' lines. See SPEC_ROWS_AFTER_MS.
  const specRows = useSpecRows(obj, loaded);

  // The first commit draws nothing visible: the watches send their requests from its effects,
  // before anything else is rendered and laid out. The toolbar and the table's column heads follow
  // a frame later, while the lists are on their way, so that the frame with the rows draws little
  // else; the spinner only if the lists are slow (SPINNER_AFTER_MS). With the lists already there,
  // everything is drawn at once.
  const framed = useAfterFirstPaint(true);
  const spinnerDue = useLoadingFor(SPINNER_AFTER_MS, loaded);
  const belowShown = useAfterFirstPaint(!!built?.model);
  const findings = React.useMemo(
    () => (belowShown && built?.model ? diagnoseSafely(built.model) : undefined),
    [belowShown, built],
  );

  if (!obj) {
    return (
      <Bullseye>
        <Spinner aria-label={t('Loading')} />
      </Bullseye>
    );
  }

  const model = built?.model;
  const shown = model ?? specRows;
  return (
    <PageSection data-test="vm-networking-tab" data-loaded={loaded ? 'true' : 'false'}>
      {!loaded && <WidthProbe />}
      <Stack hasGutter>
        {built?.error && (
          <StackItem>
            <ModelErrorPanel error={built.error} input={input} />
          </StackItem>
        )}
        {model && hasVmStateAlerts(model) && (
          <StackItem>
            <SectionErrorBoundary title={t('VM state')} raw={obj.status} texts={texts}>
              <VmStateAlerts model={model} />
            </SectionErrorBoundary>
          </StackItem>
        )}
        {(framed || shown) && (
          <StackItem>
            <NetworkingToolbar vm={obj} isDraft={!obj.metadata?.uid} />
          </StackItem>
        )}
        {(shown ? model || shown.interfaces.length > 0 : framed && !loaded) && (
          <StackItem>
            <Title headingLevel="h2">{t('Network interfaces')}</Title>
            <SectionErrorBoundary title={t('Network interfaces')} raw={obj.spec} texts={texts}>
              {!shown || shown.interfaces.length > 0 ? (
                <InterfacesTable
                  rows={shown?.interfaces ?? NO_ROWS}
                  namespace={shown?.namespace ?? obj.metadata?.namespace ?? ''}
                  vmName={shown?.vmName ?? obj.metadata?.name ?? ''}
                  vm={obj}
                  pending={!model}
                  firstScreenFirst
                />
              ) : (
                <EmptyState titleText={t('No network interfaces')} headingLevel="h3">
                  <EmptyStateBody>
                    {t('This VirtualMachine has no interfaces in its spec.')}
                  </EmptyStateBody>
                </EmptyState>
              )}
            </SectionErrorBoundary>
          </StackItem>
        )}
        {/* Below the table, where the sections that need the facts will be: appearing and going,
            it moves nothing above it. */}
        {spinnerDue && (
          <StackItem>
            <Spinner
              size="md"
              aria-label={t('Loading networking facts')}
              data-test="vm-networking-loading"
            />
          </StackItem>
        )}
        {model && findings && (
          <StackItem>
            <Title headingLevel="h2">{t('Diagnostics')}</Title>
            <SectionErrorBoundary title={t('Diagnostics')} raw={findings} texts={texts}>
              <DiagnosticsPanel findings={findings} model={model} withPolicies />
            </SectionErrorBoundary>
          </StackItem>
        )}
        {model && model.interfaces.length > 0 && belowShown && (
          <StackItem>
            <Title headingLevel="h2">{t('Wiring')}</Title>
            <SectionErrorBoundary
              title={t('Wiring')}
              raw={model.interfaces.map((r) => r.name)}
              texts={texts}
            >
              <WiringDiagram model={model} />
            </SectionErrorBoundary>
          </StackItem>
        )}
      </Stack>
    </PageSection>
  );
};

export default NetworkingTab;
