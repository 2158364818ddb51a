/**
 * The page geometry the Networking tab is checked in. kubevirt-plugin's 4.22 VM page (project tree
 * open, ~340 px) leaves about 800 px for our tab at a 1,600 px window; the preview host renders
 * that layout (e2e/host.spec.ts checks its width), and `tabContentWidthViewport` opens it.
 */
import type { Page } from 'playwright-core';
import { KUBEVIRT_WINDOW } from './support/preview';

/** The box the console gives a VM details tab (the host's horizontal-nav tab content). */
export const TAB_CONTENT = '[data-test="horizontal-tab-content"]';

export const TARGET_CONTENT_WIDTH = 800;
export const CONTENT_WIDTH_TOLERANCE = 20;
export const LAYOUT_HEIGHT = 900;

export const contentWidth = (page: Page): Promise<number> =>
  page.$eval(TAB_CONTENT, (el) => el.getBoundingClientRect().width);

/**
 * Opens `url` in the preview host's kubevirt-plugin 4.22 VM page layout (project tree open beside
 * the tabs) in a 1,600 px window, the geometry the issue measured in the real console: the tab
 * content box comes out at about 800 px. Returns the viewport; the tests assert the width they get.
 */
export const tabContentWidthViewport = async (
  page: Page,
  url: string,
): Promise<{ width: number; height: number }> => {
  const viewport = { ...KUBEVIRT_WINDOW };
  await page.setViewportSize(viewport);
  await page.goto(url);
  await page.waitForSelector('[data-test="vm-tree"] [role="tree"]');
  await page.waitForSelector(TAB_CONTENT);
  return viewport;
};
