/**
 * After every browser test: a page the test opened that threw an uncaught error, or on which React warned
 * about what a component does, fails the test, whatever the test itself asserted. A test that provokes a
 * failure on purpose says so with `watched.allow(/…/)` (or the patterns it gives `assertNoProblems`).
 */
import { fatalProblems, openedPages } from './browser';

afterEach(() => {
  const pages = openedPages.splice(0);
  const fatal = pages.flatMap(fatalProblems);
  if (fatal.length)
    throw new Error(
      `A page reported an uncaught error or a React warning:\n${[...new Set(fatal)].join('\n')}`,
    );
});
