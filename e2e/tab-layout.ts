/**
 * The page geometry the Networking tab is checked in. kubevirt-plugin's 4.22 VM page (project tree
 * open, ~340 px) leaves about 800 px for our tab at a 1,600 px window. Today's preview host has no
 * such layout, so `tabContentWidthViewport` finds the viewport whose tab content box is ~800 px
 * wide; once the host renders the 4.22 layout, swap this helper for one that opens it (the tests
 * and the bench only use what it returns and `TAB_CONTENT`).
 */
import type { Page } from 'playwright-core';

/** The box the console gives a VM details tab (the host's horizontal-nav tab content). */
export const TAB_CONTENT = '[data-test="horizontal-tab-content"]';

export const TARGET_CONTENT_WIDTH = 800;
export const CONTENT_WIDTH_TOLERANCE = 20;
export const LAYOUT_HEIGHT = 900;

export const contentWidth = (page: Page): Promise<number> =>
  page.$eval(TAB_CONTENT, (el) => el.getBoundingClientRect().width);

/**
 * Sets `page`'s viewport so that the tab content box of `url` is TARGET_CONTENT_WIDTH wide (±
 * tolerance) and returns that viewport. Navigates to `url`; measures instead of assuming the host's
 * sidebar width or breakpoints.
 */
export const tabContentWidthViewport = async (
  page: Page,
  url: string,
): Promise<{ width: number; height: number }> => {
  let viewport = { width: 1600, height: LAYOUT_HEIGHT };
  await page.setViewportSize(viewport);
  await page.goto(url);
  await page.waitForSelector(TAB_CONTENT);
  for (let i = 0; i < 5; i += 1) {
    const width = await contentWidth(page);
    if (Math.abs(width - TARGET_CONTENT_WIDTH) <= CONTENT_WIDTH_TOLERANCE / 2) return viewport;
    viewport = {
      width: Math.round(viewport.width - (width - TARGET_CONTENT_WIDTH)),
      height: LAYOUT_HEIGHT,
    };
    await page.setViewportSize(viewport);
    // Let the host's layout react to the new width (sidebar breakpoints) before measuring again.
    await page.waitForTimeout(100);
  }
  return viewport;
};
