import * as React from 'react';

/**
 * True from the frame after the one that first shows `ready`: work that is not on the first
 * screen (the sections below the interface table, the table's rows below the fold) is drawn one
 * frame after what is, not in the same long task. After that it follows every update at once.
 */
export const useAfterFirstPaint = (ready: boolean): boolean => {
  const [painted, setPainted] = React.useState(false);
  React.useEffect(() => {
    if (!ready || painted) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The animation frame callback runs before the frame's rendering, the task it queues after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
};
