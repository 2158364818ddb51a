/** Issue 10's layout rules, measured in the browser (shared by the Create VM and attach/detach tests). */
import type { Page } from 'playwright-core';

/**
 * The layout rules of issue 10 at 1440×900: nothing in the page scrolls sideways, and no form
 * field (text input, select, text area) under `scope` is narrower than 400 px.
 */
export const layoutProblems = async (
  page: Page,
  scope: string,
  /** Containers allowed to scroll sideways (see the caller's reason). */
  exempt: string[] = [],
  /** Only `scope` itself and what is inside it (a modal over someone else's page). */
  onlyScope = false,
): Promise<string[]> =>
  page.evaluate(
    ([sel, skip, only]: [string, string[], boolean]) => {
      const out: string[] = [];
      const doc = document.scrollingElement as HTMLElement;
      if (!only && doc.scrollWidth > doc.clientWidth + 1) {
        out.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
      }
      const scopeEl = document.querySelector(sel);
      const candidates = only
        ? scopeEl
          ? [scopeEl as HTMLElement, ...Array.from(scopeEl.querySelectorAll<HTMLElement>('*'))]
          : []
        : Array.from(document.querySelectorAll<HTMLElement>('body *'));
      for (const el of candidates) {
        const ox = getComputedStyle(el).overflowX;
        if (skip.some((x) => el.matches(x))) continue;
        if ((ox === 'auto' || ox === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
          out.push(
            `${el.tagName}.${el.className} scrolls sideways: ${el.scrollWidth} > ${el.clientWidth}`,
          );
        }
      }
      const root = document.querySelector(sel);
      const fields = root
        ? Array.from(
            root.querySelectorAll<HTMLElement>(
              'input:not([type=checkbox]):not([type=radio]):not([type=hidden]), select, textarea',
            ),
          )
        : [];
      for (const f of fields) {
        const box = (f.closest('.pf-v6-c-form-control') ?? f).getBoundingClientRect();
        if (box.width > 0 && box.width < 400) {
          out.push(
            `field #${f.id || f.getAttribute('data-test')} is ${Math.round(box.width)} px wide`,
          );
        }
      }
      return out;
    },
    [scope, exempt, onlyScope] as [string, string[], boolean],
  );

/**
 * The Networking tab's wiring diagram (owned by the tab's engineer) scrolls inside itself at this
 * width on this branch; the tab's branch makes it fit its container. Drop this once merged.
 */
export const WIRING = ['.vm-networking-wiring'];
