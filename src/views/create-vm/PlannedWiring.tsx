/**
 * The live preview of the planned wiring: the Networking tab's diagram and diagnostics over the
 * draft VM. Loaded on demand, so opening Create VM does not fetch the model and diagnostics.
 */
import * as React from 'react';
import { Title } from '@patternfly/react-core';
import { planModelInput, type PlannedObjects, type VMPlan } from '../../core/create-vm';
import type { NetworkOptionsInput } from '../../core/create-vm';
import { runDiagnostics } from '../../core/diagnostics';
import { buildNetworkingModel } from '../../core/model/interface-model';
import { DiagnosticsPanel } from '../networking-tab/DiagnosticsPanel';
import { WiringDiagram } from '../networking-tab/WiringDiagram';
import { SectionErrorBoundary } from '../shared/ErrorBoundary';
import { useNetworkingTranslation } from '../shared/i18n';

export const PlannedWiring: React.FC<{
  plan: VMPlan;
  existing: NetworkOptionsInput;
  planned: PlannedObjects;
}> = ({ plan, existing, planned }) => {
  const { t } = useNetworkingTranslation();
  const model = React.useMemo(
    () => buildNetworkingModel(planModelInput(plan, existing, planned)),
    [plan, existing, planned],
  );
  const findings = React.useMemo(() => runDiagnostics(model), [model]);
  const texts = { failed: t('Could not show'), rawData: t('Raw data') };
  return (
    <>
      <Title headingLevel="h3" size="md">
        {t('Planned wiring')}
      </Title>
      <SectionErrorBoundary
        title={t('Planned wiring')}
        raw={model.interfaces.map((r) => r.spec.iface)}
        texts={texts}
      >
        <WiringDiagram model={model} />
      </SectionErrorBoundary>
      <SectionErrorBoundary title={t('Diagnostics')} raw={findings} texts={texts}>
        <DiagnosticsPanel findings={findings} />
      </SectionErrorBoundary>
    </>
  );
};

export default PlannedWiring;
