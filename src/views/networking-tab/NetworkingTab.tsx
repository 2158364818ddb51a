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
import { specRowsOf } from '../../core/model/spec-rows';
import type { NetworkingInput, NetworkingModel } from '../../core/model/types';
import { SectionErrorBoundary } from '../shared/ErrorBoundary';
import { useNetworkingTranslation } from '../shared/i18n';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { InterfacesTable } from './InterfacesTable';
import { NetworkingToolbar } from './NetworkingToolbar';
import { RawFact } from './RawFact';
import { useNetworkingInputs } from './useNetworkingInputs';
import { VmStateAlerts } from './VmStateAlerts';
import { expectDiagramWidth, WiringDiagram } from './WiringDiagram';

interface Built {
  model?: NetworkingModel;
  findings?: Finding[];
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
  const diagnose = (model: NetworkingModel): Finding[] => {
    try {
      return runDiagnostics(model);
    } catch {
      return [];
    }
  };
  try {
    const model = buildNetworkingModel(input);
    return { model, findings: diagnose(model) };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    try {
      const model = buildNetworkingModel({ vm: input.vm });
      return { model, findings: diagnose(model), error };
    } catch {
      return { error };
    }
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
 * for it): read from an empty box in the layout of a still almost empty tab, where it costs little.
 */
const WidthProbe: React.FC = () => {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useLayoutEffect(() => {
    if (ref.current) expectDiagramWidth(ref.current.getBoundingClientRect().width);
  }, []);
  return <div ref={ref} aria-hidden />;
};

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
  // Until then the table shows the NICs the VM spec names, as written there (no list needed):
  // the rows are up as soon as the tab is, and the loaded model fills the same table in.
  const specRows = React.useMemo(
    () => (loaded || !obj ? undefined : specRowsOf(obj)),
    [loaded, obj],
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
        {!loaded && (
          <StackItem>
            <Spinner
              size="md"
              aria-label={t('Loading networking facts')}
              data-test="vm-networking-loading"
            />
          </StackItem>
        )}
        {built?.error && (
          <StackItem>
            <ModelErrorPanel error={built.error} input={input} />
          </StackItem>
        )}
        {model && (
          <StackItem>
            <SectionErrorBoundary title={t('VM state')} raw={obj.status} texts={texts}>
              <VmStateAlerts model={model} />
            </SectionErrorBoundary>
          </StackItem>
        )}
        <StackItem>
          <NetworkingToolbar vm={obj} isDraft={!obj.metadata?.uid} />
        </StackItem>
        {shown && (model || shown.interfaces.length > 0) && (
          <StackItem>
            <Title headingLevel="h2">{t('Network interfaces')}</Title>
            <SectionErrorBoundary title={t('Network interfaces')} raw={obj.spec} texts={texts}>
              {shown.interfaces.length > 0 ? (
                <InterfacesTable
                  rows={shown.interfaces}
                  namespace={shown.namespace}
                  vmName={shown.vmName}
                  vm={obj}
                  pending={!model}
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
        {model && built?.findings && (
          <StackItem>
            <Title headingLevel="h2">{t('Diagnostics')}</Title>
            <SectionErrorBoundary title={t('Diagnostics')} raw={built.findings} texts={texts}>
              <DiagnosticsPanel findings={built.findings} model={model} withPolicies />
            </SectionErrorBoundary>
          </StackItem>
        )}
        {model && model.interfaces.length > 0 && (
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
