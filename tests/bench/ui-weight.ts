/**
 * Benchmark 5 — UI weight: gzip size of each UI's JavaScript and CSS from the production Vite
 * builds, and the kiosk's time to first render in headless Chromium on loopback.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer } from './lib/child.js';
import { benchDir } from './lib/seed.js';
import { kb, ms, ratio, upperGoal, type BenchResult, type Goal } from './lib/report.js';
import { median, summarize } from './lib/stats.js';

export interface UiOptions {
  loads: number;
}
export const uiDefaults: UiOptions = { loads: 9 };
export const uiQuick: UiOptions = { loads: 3 };

const root = fileURLToPath(new URL('../..', import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const goalBytes = 60_000;

/** The UIs and their HTML entries (the display build also holds the phone page). */
const uis = [
  { name: 'kiosk-ui', entries: [{ label: 'kiosk', html: 'index.html', goal: true }] },
  { name: 'display-ui', entries: [{ label: 'display', html: 'index.html', goal: true }, { label: 'phone page', html: 'phone.html', goal: false }] },
  { name: 'staff-ui', entries: [{ label: 'staff console', html: 'index.html', goal: false }] },
];

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(cmd, args, { cwd: root, env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')}: ${err.message}\n${stderr.slice(-2000)}`));
      else resolvePromise(stdout);
    });
  });
}

/**
 * Builds each UI with its own `vite build` (what `npm run build:ui` runs) in production mode,
 * into a temporary folder laid out like the repository, so a benchmark never empties the dist
 * folders a test run may be serving from.
 */
async function build(out: string): Promise<Record<string, string | null>> {
  const failed: Record<string, string | null> = {};
  for (const ui of uis) {
    try {
      await run('npm', ['run', 'build', '--silent', '-w', ui.name, '--', '--outDir', join(out, ui.name, 'dist'), '--emptyOutDir'], { ...process.env, NODE_ENV: 'production' }, 180_000);
      failed[ui.name] = null;
    } catch (err) {
      failed[ui.name] = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    }
  }
  return failed;
}

const gz = (buf: Buffer | string): number => gzipSync(buf, { level: 9 }).length;

interface Weight {
  label: string;
  html: number;
  js: number;
  css: number;
  jsRaw: number;
  files: number;
  goal: boolean;
}

/** What a first visit loads: the HTML, its scripts, module preloads and stylesheets (gzip -9). */
function entryWeight(dist: string, html: string, label: string, goal: boolean): Weight {
  const text = readFileSync(join(dist, html), 'utf8');
  const refs = new Set<string>();
  for (const m of text.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="([^"]+)"[^>]*>/g)) {
    const tag = m[0];
    if (/<script/.test(tag) || /rel="(?:modulepreload|stylesheet)"/.test(tag)) refs.add(m[1]!);
  }
  let js = 0;
  let jsRaw = 0;
  let css = 0;
  // static imports between chunks (Vite lists them as modulepreload, but follow imports too)
  const queue = [...refs].map((r) => r.replace(/^\/[^/]+\//, ''));
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(join(dist, file))) continue;
    seen.add(file);
    const buf = readFileSync(join(dist, file));
    if (file.endsWith('.css')) css += gz(buf);
    else if (file.endsWith('.js')) {
      js += gz(buf);
      jsRaw += buf.length;
      for (const m of buf.toString('utf8').matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(`assets/${m[1]}`);
    }
  }
  return { label, html: gz(text), js, css, jsRaw, files: seen.size, goal };
}

function allAssets(dist: string): { js: number; css: number } {
  const dir = join(dist, 'assets');
  let js = 0;
  let css = 0;
  if (!existsSync(dir)) return { js, css };
  for (const f of readdirSync(dir)) {
    const buf = readFileSync(join(dir, f));
    if (f.endsWith('.js')) js += gz(buf);
    else if (f.endsWith('.css')) css += gz(buf);
  }
  return { js, css };
}

/**
 * Installed in every page before its own scripts: checks each animation frame, through shadow
 * roots, for a visible button with the text, and notes the page-clock moment it first appears.
 * Measuring in the page keeps the harness's round trips out of the figure.
 */
// plain source, not a transpiled function: the page must not see the bundler's helpers
const watchForButton = (text: string): string => `(() => {
  const text = ${JSON.stringify(text)};
  const visible = () => {
    const stack = [document];
    while (stack.length) {
      const node = stack.pop();
      for (const el of node.querySelectorAll('*')) {
        if (el.shadowRoot) stack.push(el.shadowRoot);
        if (el.tagName === 'BUTTON' && (el.textContent || '').includes(text)) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && r.height > 0) return true;
        }
      }
    }
    return false;
  };
  const check = () => {
    if (visible()) window.__buttonAt = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

interface Load {
  button: number;
  fcp: number;
  /** When the last script had arrived, and when the kiosk's menu answer had (page clock; NaN if none). */
  scripts: number;
  api: number;
}

interface Loads {
  cold: Load[];
  warm: Load[];
  minCold: Load[];
  minWarm: Load[];
}

/** One load in a fresh tab: when the button became visible and the first contentful paint (page clock). */
async function load(context: BrowserContext, url: string, cold: boolean): Promise<Load> {
  const page: Page = await context.newPage();
  try {
    await page.setViewportSize({ width: 1080, height: 1920 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: cold });
    await page.goto(url, { waitUntil: 'commit', timeout: 20_000 });
    await page.waitForFunction('window.__buttonAt !== undefined', null, { polling: 50, timeout: 20_000 });
    return (await page.evaluate(
      `(() => {
        const res = performance.getEntriesByType('resource');
        const end = (f) => { const xs = res.filter(f).map((r) => r.responseEnd); return xs.length ? Math.max(...xs) : NaN; };
        return {
          button: window.__buttonAt,
          fcp: (performance.getEntriesByName('first-contentful-paint')[0] || { startTime: NaN }).startTime,
          scripts: end((r) => r.initiatorType === 'script' || r.name.endsWith('.js')),
          api: end((r) => r.name.includes('/api/')),
        };
      })()`,
    )) as Load;
  } finally {
    await page.close();
  }
}

/** The least a page can be: one button in plain HTML, from a bare Node server on loopback. */
function minimalPage(): Promise<{ url: string; server: Server }> {
  const html = '<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>x</title></head><body><button>Ota vuoronumero</button></body></html>';
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
    res.end(html);
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => {
    const a = server.address();
    r({ url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/`, server });
  }));
}

export async function uiBench(o: UiOptions): Promise<BenchResult> {
  const started = performance.now();
  const out = mkdtempSync(join(tmpdir(), 'luukku-bench-ui-'));
  try {
    const buildFailures = await build(out);
    const weights: Weight[] = [];
    const totals: { ui: string; js: number; css: number }[] = [];
    for (const ui of uis) {
      if (buildFailures[ui.name]) continue;
      const dist = join(out, ui.name, 'dist');
      for (const e of ui.entries) if (existsSync(join(dist, e.html))) weights.push(entryWeight(dist, e.html, e.label, e.goal));
      totals.push({ ui: ui.name, ...allAssets(dist) });
    }

    // time to first render of the kiosk against the real server serving this build
    let ttfr = null as Loads | null;
    let browserNote = '';
    if (!buildFailures['kiosk-ui'] && existsSync(chromiumPath)) {
      const dir = benchDir('ui');
      const server = await startServer({ kind: 'luukku', databasePath: dir.databasePath, dataDir: dir.dir, uiDir: out });
      const minimal = await minimalPage();
      const profile = mkdtempSync(join(tmpdir(), 'luukku-bench-chromium-'));
      let context: BrowserContext | null = null;
      try {
        context = await chromium.launchPersistentContext(profile, {
          executablePath: chromiumPath,
          headless: true,
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        });
        await context.addInitScript({ content: watchForButton('Ota vuoronumero') });
        const kioskUrl = `${server.url}/kiosk/?device=demo-kiosk`;
        const t: Loads = { cold: [], warm: [], minCold: [], minWarm: [] };
        // one unmeasured load of each warms the browser and keeps the kiosk's device token
        await load(context, kioskUrl, false);
        await load(context, minimal.url, false);
        for (let i = 0; i < o.loads; i++) {
          // alternate the pages so a noisy moment hurts both alike
          t.cold.push(await load(context, kioskUrl, true));
          t.minCold.push(await load(context, minimal.url, true));
          t.warm.push(await load(context, kioskUrl, false));
          t.minWarm.push(await load(context, minimal.url, false));
        }
        ttfr = t;
      } catch (err) {
        browserNote = `The browser measurement failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
      } finally {
        await context?.close().catch(() => undefined);
        rmSync(profile, { recursive: true, force: true });
        minimal.server.close();
        await server.stop();
        dir.remove();
      }
    } else if (!existsSync(chromiumPath)) {
      browserNote = `No Chromium at ${chromiumPath}: time to first render not measured.`;
    }

    const goals: Goal[] = weights.filter((w) => w.goal).map((w) => upperGoal(`${w.label}: gzip JS + CSS of the first load`, w.js + w.css + w.html, goalBytes, kb));
    const tables = [
      {
        title: 'First load of each page (HTML, its scripts, preloads and stylesheets; gzip -9)',
        headers: ['', 'HTML', 'JS', 'CSS', 'total', 'JS unzipped', 'vs 60 kB goal'],
        rows: weights.map((w) => [w.label, kb(w.html), kb(w.js), kb(w.css), kb(w.html + w.js + w.css), kb(w.jsRaw), w.goal ? ratio((w.html + w.js + w.css) / goalBytes) : '']),
      },
      {
        title: 'Every asset of each build (gzip -9)',
        headers: ['', 'JS', 'CSS'],
        rows: totals.map((x) => [x.ui, kb(x.js), kb(x.css)]),
      },
    ];
    if (ttfr) {
      const b = (xs: Load[]) => summarize(xs.map((x) => x.button));
      const f = (xs: Load[]) => median(xs.map((x) => x.fcp));
      const k = { cold: b(ttfr.cold), warm: b(ttfr.warm) };
      const m = { cold: b(ttfr.minCold), warm: b(ttfr.minWarm) };
      tables.push({
        title: `Time to first render: navigation start → “Ota vuoronumero” visible (median of ${o.loads} loads each)`,
        headers: ['', 'cold: button', 'cold: max', 'cold: first paint', 'cold: JS in', 'cold: API in', 'warm: button', 'warm: max'],
        rows: [
          ['one-button HTML page (floor)', ms(m.cold.p50), ms(m.cold.max), ms(f(ttfr.minCold)), '', '', ms(m.warm.p50), ms(m.warm.max)],
          ['kiosk', ms(k.cold.p50), ms(k.cold.max), ms(f(ttfr.cold)), ms(median(ttfr.cold.map((x) => x.scripts))), ms(median(ttfr.cold.map((x) => x.api))), ms(k.warm.p50), ms(k.warm.max)],
          ['**kiosk / floor**', ratio(k.cold.p50 / m.cold.p50), '', '', '', '', ratio(k.warm.p50 / m.warm.p50), ''],
        ],
      });
    }
    return {
      id: 'ui',
      title: '5. UI weight and the kiosk’s first render',
      method: [
        'Each UI is built with its own production Vite build (`npm run build -w <ui>`, what `npm run build:ui` runs, with NODE_ENV=production) into a temporary folder, so the repository’s dist folders are left alone.',
        'Sizes: gzip level 9 of each file a first visit loads — the HTML (which inlines a little CSS), its module scripts, module preloads, stylesheets and their static imports; the UIs are Lit, so most CSS lives inside the JS. kB = 1,000 bytes, as Vite reports.',
        `Time to first render: the real server (demo hub, the builds above) on 127.0.0.1; headless Chromium (${chromiumPath}, playwright-core launchPersistentContext, the flags of the e2e tests); each load in a fresh tab, from navigation start (the page’s clock) until a visible “Ota vuoronumero” button exists, checked every animation frame through shadow roots by a script installed before the page’s own (so the harness’s round trips are not in the figure); first contentful paint from the Paint Timing API; “JS in” and “API in” are when the last script and the last API answer had arrived (Resource Timing). Cold = HTTP cache disabled over CDP; warm = cached. The kiosk loads its menu from the API before it shows the button. Floor: a one-button HTML page from a bare Node server, timed the same way, alternating with the kiosk.`,
      ],
      tables,
      goals,
      checks: uis.map((ui) => ({ name: `${ui.name} builds`, ok: !buildFailures[ui.name], detail: buildFailures[ui.name] ?? 'built' })),
      notes: browserNote ? [browserNote] : [],
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
