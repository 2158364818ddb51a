import * as React from 'react';
import { ClipboardCopy, ClipboardCopyVariant, ExpandableSection } from '@patternfly/react-core';
import { useNetworkingTranslation } from '../shared/i18n';

const format = (value: unknown): string => {
  if (typeof value !== 'string') return JSON.stringify(value, null, 2);
  // NAD configs and annotations are JSON text: pretty-print them when they parse, else show as is.
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return value;
  }
};

/** The raw object behind a fact, one click away, copyable. */
export const RawFact: React.FC<{ title: string; value: unknown; dataTest: string }> = ({
  title,
  value,
  dataTest,
}) => {
  const { t } = useNetworkingTranslation();
  const [expanded, setExpanded] = React.useState(false);
  if (value === undefined || value === null) return null;
  return (
    <ExpandableSection
      toggleText={expanded ? t('Hide {{title}}', { title }) : t('Show {{title}}', { title })}
      onToggle={(_e, open) => setExpanded(open)}
      isExpanded={expanded}
      data-test={dataTest}
    >
      <ClipboardCopy
        isCode
        isReadOnly
        hoverTip={t('Copy')}
        clickTip={t('Copied')}
        variant={ClipboardCopyVariant.expansion}
        isExpanded
      >
        {format(value)}
      </ClipboardCopy>
    </ExpandableSection>
  );
};
