import type { Page } from 'playwright-core';

/**
 * Waits until the staff console's working region says nothing runs (`aria-busy="false"`):
 * every action pressed so far has its answer on screen, and no reload is under way. The
 * barrier for what a key press did, instead of a sleep or a poll.
 */
export const consoleIdle = (page: Page) => page.locator('staff-app .columns[aria-busy="false"]').waitFor();

/** How many presses the console has refused so far, each shown and announced. */
export const consoleRefusals = async (page: Page) =>
  Number(await page.locator('staff-app [role="status"][data-refusals]').getAttribute('data-refusals'));

/** Every request the page makes to the API from now on, as `METHOD /path`. */
export function apiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) seen.push(`${r.method()} ${url.pathname}`);
  });
  return seen;
}
