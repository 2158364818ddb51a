/** The namespaces a selector picks, as labels (its own chunk: Label brings Tooltip and Popper). */
import * as React from 'react';
import { Label, LabelGroup } from '@patternfly/react-core';

const NamespaceLabels: React.FC<{ names: string[] }> = ({ names }) => (
  <LabelGroup numLabels={20}>
    {names.map((n) => (
      <Label key={n} color="blue">
        {n}
      </Label>
    ))}
  </LabelGroup>
);

export default NamespaceLabels;
