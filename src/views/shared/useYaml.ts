import * as React from 'react';

/**
 * YAML text for an object. The `yaml` library loads on first use, in its own chunk, so views
 * that only sometimes show YAML do not pay for it up front.
 */
export const useYaml = (value: unknown): string | undefined => {
  const [text, setText] = React.useState<string>();
  React.useEffect(() => {
    let cancelled = false;
    if (value === undefined) {
      setText(undefined);
      return undefined;
    }
    void import(/* webpackChunkName: "yaml" */ 'yaml').then(({ stringify }) => {
      if (!cancelled) setText(stringify(value, { lineWidth: 0 }));
    });
    return () => {
      cancelled = true;
    };
  }, [value]);
  return text;
};
