/** Build-time constants of the host bundle (preview/build-host.ts). */
declare const __CONSOLE_MODE__: '4.21' | '4.22';

/** React 18's root API; the 4.22 bundle resolves it from preview/console-4.22 (types here are React 17's). */
declare module 'react-dom/client' {
  import type { ReactNode } from 'react';
  export function createRoot(container: Element): {
    render(children: ReactNode): void;
    unmount(): void;
  };
}
