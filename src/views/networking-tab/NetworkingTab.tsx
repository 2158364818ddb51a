import * as React from 'react';
import { EmptyState, EmptyStateBody, PageSection, Title } from '@patternfly/react-core';
import type { VirtualMachine } from '../../core/k8s/types';
import { specInterfacesOf } from '../../core/kubevirt/vm-spec';
import { SectionErrorBoundary } from '../shared/ErrorBoundary';
import { useNetworkingTranslation } from '../shared/i18n';
import { InterfacesTable } from './InterfacesTable';

/** Props the console (kubevirt-plugin's VM details page) passes to a `console.tab/horizontalNav`. */
export interface NetworkingTabProps {
  obj?: VirtualMachine;
}

const NetworkingTab: React.FC<NetworkingTabProps> = ({ obj }) => {
  const { t } = useNetworkingTranslation();
  const rows = React.useMemo(() => specInterfacesOf(obj), [obj]);
  const texts = { failed: t('Could not show'), rawData: t('Raw data') };

  return (
    <PageSection data-test="vm-networking-tab">
      <Title headingLevel="h2">{t('Network interfaces')}</Title>
      <SectionErrorBoundary title={t('Network interfaces')} raw={obj?.spec} texts={texts}>
        {rows.length === 0 ? (
          <EmptyState titleText={t('No network interfaces')} headingLevel="h3">
            <EmptyStateBody>
              {t('This VirtualMachine has no interfaces in its spec.')}
            </EmptyStateBody>
          </EmptyState>
        ) : (
          <InterfacesTable rows={rows} />
        )}
      </SectionErrorBoundary>
    </PageSection>
  );
};

export default NetworkingTab;
