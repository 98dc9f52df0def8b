import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasBrowser = existsSync(chromiumPath);

if (!hasBrowser) {
  const message = `\n!!! No Chromium at ${chromiumPath}: the browser tests are SKIPPED. Install it (apt-get install chromium) or set CHROMIUM_PATH.\n`;
  if (process.env.CI === 'true') throw new Error(message + 'Under CI=true a missing browser is a failure.');
  process.stderr.write(message);
}

export interface Browser {
  context: BrowserContext;
  newPage: (viewport?: { width: number; height: number }) => Promise<Page>;
  close: () => Promise<void>;
}

export interface LaunchOptions {
  /** Chromium's --host-resolver-rules, e.g. 'MAP *.luukku.example 127.0.0.1': host names without DNS. */
  hostResolverRules?: string;
}

export async function launch(options: LaunchOptions = {}): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), 'luukku-chromium-'));
  const extra = options.hostResolverRules === undefined ? [] : [`--host-resolver-rules=${options.hostResolverRules}`];
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extra],
  });
  return {
    context,
    newPage: async (viewport = { width: 1080, height: 1920 }) => {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      return page;
    },
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const screenshotDir = join(import.meta.dirname, '..', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: false });
}

/** axe-core's serious and critical findings, as readable lines (empty when clean). */
export async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: page as never }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}
