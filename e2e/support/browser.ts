/**
 * Debian's chromium through playwright-core (downloaded browsers are not an option on this network), with a
 * fresh profile per launch. Pages record uncaught errors and console errors so tests fail on unexpected ones:
 * explicitly with `assertNoProblems`, and after every test (e2e/support/setup.ts) for the problems that are
 * never acceptable: an uncaught page error, and a React warning about what the page's code does
 * (`Warning: …`, the host bundle of the tests is React's development build). Version-range warnings of the
 * share scope ("Unsatisfied version") are console warnings, not errors, and are not counted.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = (): string => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const missingChromiumMessage = (p: string): string =>
  `Chromium not found at ${p}. The browser tests drive Debian's chromium: install it with ` +
  `\`${process.getuid?.() === 0 ? '' : 'sudo '}apt-get install -y chromium\` (or point CHROMIUM_PATH at a Chromium binary).`;

export interface TestBrowser {
  browser: Browser;
  context: BrowserContext;
  userDataDir: string;
  close: () => Promise<void>;
}

export const launchBrowser = async (): Promise<TestBrowser> => {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) throw new Error(missingChromiumMessage(executablePath));
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-chromium-'));
  // A persistent context is the only way to give Chromium our own --user-data-dir.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  return {
    browser: context.browser()!,
    context,
    userDataDir,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
};

export interface WatchedPage {
  page: Page;
  /** Uncaught exceptions and console.error messages, in order. */
  problems: string[];
  /** console.warn messages, in order (share-scope version warnings, deprecations). */
  warnings: string[];
  /** URLs the page requested. */
  requests: string[];
  /** Fails the test if the page reported problems other than the allowed ones. */
  assertNoProblems: (allowed?: RegExp[]) => void;
  /** Problems this test expects (a deliberate failure): also spared by the check after each test. */
  allow: (...patterns: RegExp[]) => void;
  /** Patterns allowed so far (by `allow` and `assertNoProblems`). */
  allowed: RegExp[];
}

/** Pages opened since the current test started (e2e/support/setup.ts checks and clears them). */
export const openedPages: WatchedPage[] = [];

/**
 * PatternFly 6.2's WizardBody debounces its resize check (250 ms) and does not cancel it when the
 * wizard unmounts (our success page replaces it), so under React 17 a late check can warn about a
 * state update on an unmounted component. That is PatternFly's code, not ours; React 18 is silent.
 * Tests that finish a wizard allow it.
 */
export const PF_WIZARD_LATE_UPDATE = /Can't perform a React state update on an unmounted component/;

/** A React warning: development React reports what components do wrong as `Warning: …` errors. */
export const isReactWarning = (problem: string): boolean =>
  /^console\.error: Warning: /.test(problem);

/** What fails a test whatever it asserts: uncaught page errors and React warnings not allowed. */
export const fatalProblems = (w: WatchedPage): string[] =>
  w.problems.filter(
    (p) =>
      (p.startsWith('pageerror: ') || isReactWarning(p)) && !w.allowed.some((re) => re.test(p)),
  );

export const openPage = async (ctx: TestBrowser): Promise<WatchedPage> => {
  const page = await ctx.context.newPage();
  const problems: string[] = [];
  const warnings: string[] = [];
  const requests: string[] = [];
  const allowed: RegExp[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
    if (m.type() === 'warning') warnings.push(m.text());
  });
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  const watched: WatchedPage = {
    page,
    problems,
    warnings,
    requests,
    allowed,
    allow: (...patterns) => {
      allowed.push(...patterns);
    },
    assertNoProblems: (ok = []) => {
      allowed.push(...ok);
      // Everything allowed so far counts: a test's earlier `allow` (e.g. a library's known late
      // warning) must not fail its own explicit check later, depending on timing.
      const unexpected = problems.filter((p) => !allowed.some((re) => re.test(p)));
      if (unexpected.length) throw new Error(`The page reported errors:\n${unexpected.join('\n')}`);
    },
  };
  openedPages.push(watched);
  return watched;
};
