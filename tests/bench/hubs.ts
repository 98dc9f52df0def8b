/**
 * Benchmark 6 — hubs per server process at the real pace (issue 10). N busy hubs in one server
 * process (a child process), each with the screens a real hub has open all day: 40 staff
 * consoles, 15 phone pages, 3 kiosks and 1 wall display, each a real socket.io client that holds
 * its state and makes the HTTP requests its UI makes (tests/bench/lib/models/*). Visitors
 * arrive at the real rate of Iso Omena's busiest days, take tickets at the kiosks, and staff call,
 * serve, refer and finish them from their consoles. For N = 1, 2, 4, … it measures the server's
 * CPU, its event-loop lag, the call-to-display latency and the requests per hub, and finds the
 * largest N that stays under 70 % of one core with call-to-display p99 under 100 ms.
 *
 * The hub's people and their day are in lib/hub-sim.ts; they only press buttons on the screen
 * models, and what each screen requests and when is all in lib/models/ (console.ts for the
 * staff console). This file climbs N, measures, and reports.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { readdirSync, readFileSync } from 'node:fs';
import { startServer, type ServerProcess } from './lib/child.js';
import { benchDir, openSeeder } from './lib/seed.js';
import { fmt, ms, type BenchResult, type Goal, lowerGoal } from './lib/report.js';
import { summarize } from './lib/stats.js';
import { planDay } from './hub-day.js';
import { clientKinds, Traffic, type ClientKind, type ModelEnv } from './lib/models/net.js';
import { Clock, HubSim, seedHub, type HubsOptions } from './lib/hub-sim.js';

export type { HubsOptions };

const common = {
  pace: 1, visitsPerDay: 6_000, openHours: 10, phones: 15, kiosks: 3, lobbyAtStart: 40, utilisation: 0.85,
  walkSeconds: 20, wrapSeconds: 15, chooseSeconds: 6, ticketSeconds: 4,
  serverShareLimit: 0.7, callP99LimitMs: 100, stopServerShare: 0.95, stopCallP99Ms: 1_000, stopGeneratorShare: 0.9,
};
export const hubsDefaults: HubsOptions = { ...common, ladder: [1, 2, 4, 6, 8, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300], warmupSeconds: 45, windowSeconds: 90 };
export const hubsQuick: HubsOptions = { ...common, ladder: [1, 3], warmupSeconds: 5, windowSeconds: 20 };

/** Open files this process may have (each hub's sockets and keep-alive connections need a few hundred). */
function openFileLimit(): number {
  try {
    const m = readFileSync('/proc/self/limits', 'utf8').match(/^Max open files\s+(\d+)/m);
    return m ? Number(m[1]) : 1024;
  } catch {
    return 1024;
  }
}
/** Open files now, for the next step's estimate. */
function openFiles(): number {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return 0;
  }
}

interface Step {
  hubs: number;
  seconds: number;
  serverShare: number;
  serverLoopP99: number;
  serverLoopMax: number;
  rss: number;
  generatorShare: number;
  generatorLoopP99: number;
  call: ReturnType<typeof summarize>;
  callsPressed: number;
  callsUnheard: number;
  requests: Record<ClientKind, number>;
  messages: Record<ClientKind, number>;
  commands: number;
  emptyPresses: number;
  failures: number;
  firstFailures: string[];
  openSeconds: number;
  /** Files the generator had open at the end of the window, and before the hubs' screens opened. */
  files: number;
  filesBefore: number;
}

async function runStep(n: number, o: HubsOptions): Promise<Step> {
  const dir = benchDir('hubs');
  const s = openSeeder(dir.databasePath);
  const dayPlans = planDay(o.visitsPerDay, 4242);
  const seeded = Array.from({ length: n }, (_, i) => seedHub(s, i + 1, o, dayPlans));
  s.close();
  const server: ServerProcess = await startServer({ kind: 'luukku', databasePath: dir.databasePath, dataDir: dir.dir, uiDir: dir.dir });
  const env: ModelEnv = { base: server.url, traffic: new Traffic() };
  const clock = new Clock();
  const sims = seeded.map((h, i) => new HubSim(env, h, dayPlans, o, clock, 7000 + i));
  let failure: Error | null = null;
  const fail = (err: unknown) => {
    failure ??= err instanceof Error ? err : new Error(String(err));
  };
  const genLoop = monitorEventLoopDelay({ resolution: 10 });
  try {
    const filesBefore = openFiles();
    const opening = performance.now();
    for (const sim of sims) await sim.open();
    const openSeconds = (performance.now() - opening) / 1000;
    for (const sim of sims) sim.start(fail);
    await clock.sleep(o.warmupSeconds * 1000);
    // the measured window
    const before = await server.stats(true);
    const traffic0 = env.traffic.copy();
    const counters0 = sims.map((x) => ({ ...x.counters }));
    const cpu0 = process.cpuUsage();
    genLoop.enable();
    const t0 = performance.now();
    await clock.sleep(o.windowSeconds * 1000);
    const t1 = performance.now();
    const after = await server.stats();
    const cpu1 = process.cpuUsage(cpu0);
    const files = openFiles();
    genLoop.disable();
    const traffic1 = env.traffic.copy();
    const counters1 = sims.map((x) => ({ ...x.counters }));
    clock.stop();
    await Promise.all(sims.map((x) => x.stop()));
    // the last calls of the window: give their broadcasts a moment to land (bounded)
    const inWindow = sims.flatMap((x) => x.calls.filter((c) => c.pressed >= t0 && c.pressed <= t1).map((c) => ({ ...c, sim: x })));
    const unheard = () => inWindow.filter((c) => !c.sim.heard.has(c.stepId)).length;
    for (let i = 0; i < 40 && unheard() > 0; i++) await new Promise((r) => setTimeout(r, 50));
    const latencies = inWindow.flatMap((c) => {
      const at = c.sim.heard.get(c.stepId);
      return at === undefined ? [] : [at - c.pressed];
    });
    const wall = t1 - t0;
    const diff = (k: ClientKind, a: Record<ClientKind, number>, b: Record<ClientKind, number>) => b[k] - a[k];
    if (failure) throw failure;
    return {
      hubs: n,
      seconds: wall / 1000,
      serverShare: (after.cpuMs - before.cpuMs) / wall,
      serverLoopP99: after.loopP99Ms,
      serverLoopMax: after.loopMaxMs,
      rss: after.rss,
      generatorShare: (cpu1.user + cpu1.system) / 1000 / wall,
      generatorLoopP99: genLoop.percentile(99) / 1e6,
      call: summarize(latencies),
      callsPressed: inWindow.length,
      callsUnheard: unheard(),
      requests: Object.fromEntries(clientKinds.map((k) => [k, diff(k, traffic0.requests, traffic1.requests)])) as Record<ClientKind, number>,
      messages: Object.fromEntries(clientKinds.map((k) => [k, diff(k, traffic0.messages, traffic1.messages)])) as Record<ClientKind, number>,
      commands: counters1.reduce((sum, c, i) => sum + c.commands - counters0[i]!.commands, 0),
      emptyPresses: counters1.reduce((sum, c, i) => sum + c.emptyPresses - counters0[i]!.emptyPresses, 0),
      // warm-up and window alike (a failure while warming up is still one)
      failures: traffic1.failures,
      firstFailures: env.traffic.firstFailures,
      openSeconds,
      files,
      filesBefore,
    };
  } finally {
    clock.stop();
    for (const sim of sims) sim.close();
    await server.stop();
    dir.remove();
  }
}

const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
const pct1 = (x: number) => `${(x * 100).toFixed(1)} %`;

export async function hubsBench(o: HubsOptions): Promise<BenchResult> {
  const started = performance.now();
  const steps: Step[] = [];
  let stoppedBy = 'the end of the ladder';
  const fileBudget = Math.floor(openFileLimit() * 0.8);
  for (const n of o.ladder) {
    // the generator (and the server, with the same limit) holds every hub's sockets and connections
    const prev = steps[steps.length - 1];
    const need = Math.round((prev ? prev.filesBefore : 50) + n * (prev ? (prev.files - prev.filesBefore) / prev.hubs : 300) * 1.1);
    if (need > fileBudget) {
      stoppedBy = `this process’s open-file limit (${fmt(openFileLimit(), 0)}; ${n} hubs would need about ${fmt(need, 0)}; raise it with ulimit -n)`;
      break;
    }
    process.stdout.write(`  hubs: ${n} hub(s)…\n`);
    const st = await runStep(n, o);
    steps.push(st);
    process.stdout.write(
      `  hubs: ${n} → server ${pct(st.serverShare)} of a core, call→display p99 ${ms(st.call.p99)} (${st.call.n} calls), generator ${pct(st.generatorShare)}\n`,
    );
    // latency stops the climb only when enough calls back it; one slow call of three says little
    if (st.serverShare > o.stopServerShare || (st.call.n >= 20 && st.call.p99 > o.stopCallP99Ms)) {
      stoppedBy = `the server: at ${n} hubs it used ${pct(st.serverShare)} of a core with call→display p99 ${ms(st.call.p99)}`;
      break;
    }
    if (st.generatorShare > o.stopGeneratorShare) {
      stoppedBy = `the load generator: at ${n} hubs it used ${pct(st.generatorShare)} of a core`;
      break;
    }
  }
  const minutes = (st: Step) => st.seconds / 60;
  const perHubMin = (st: Step, x: number) => x / st.hubs / minutes(st);
  const totalRequests = (st: Step) => clientKinds.reduce((sum, k) => sum + st.requests[k], 0);
  const totalMessages = (st: Step) => clientKinds.reduce((sum, k) => sum + st.messages[k], 0);
  const within = (st: Step) => st.serverShare < o.serverShareLimit && st.call.p99 < o.callP99LimitMs;
  const ok = steps.filter(within);
  const largest = ok.length ? Math.max(...ok.map((x) => x.hubs)) : 0;
  const last = steps[steps.length - 1];
  const generatorBound = stoppedBy.startsWith('the load generator') || stoppedBy.startsWith('this process') || stoppedBy === 'the end of the ladder';
  // when the server was not the limit, what its CPU per hub says it would carry (CPU only)
  const extrapolated = last && within(last) && generatorBound ? Math.floor(o.serverShareLimit / (last.serverShare / last.hubs)) : null;
  const paceText = o.pace === 1 ? 'at the real pace (not time-compressed)' : `time-compressed ${o.pace}× (arrivals and every human delay ${o.pace} times faster than real)`;

  const goals: Goal[] = [
    lowerGoal(`busy hubs per server process (measured: largest N with server < ${pct(o.serverShareLimit)} of a core and call→display p99 < ${o.callP99LimitMs} ms)`, largest, 200, (x) => fmt(x, 0)),
  ];
  if (extrapolated !== null) {
    goals.push(lowerGoal(`busy hubs per server process (**extrapolated** from server CPU per hub at ${last!.hubs} hubs; latency not measured there)`, extrapolated, 200, (x) => fmt(x, 0)));
  }
  const dayPlans = planDay(o.visitsPerDay, 4242);
  const stepsPerVisit = dayPlans.reduce((sum, p) => sum + (p.referTo === null ? 1 : 2), 0) / dayPlans.length;
  const expectedCommands = (o.visitsPerDay / o.openHours / 60) * o.pace * (1 + 3 * stepsPerVisit);
  const heard = steps.reduce((sum, x) => sum + x.callsPressed - x.callsUnheard, 0);
  const pressed = steps.reduce((sum, x) => sum + x.callsPressed, 0);
  const failures = steps.reduce((sum, x) => sum + x.failures, 0);
  return {
    id: 'hubs',
    title: '6. Hubs per server process at the real pace',
    method: [
      `Each hub is one of benchmark 4’s Iso Omena hubs (10 agencies and Guidance, 40 desks, one staff member each) with its screens open: ${40} staff consoles, ${o.phones} phone pages, ${o.kiosks} kiosks and 1 wall display (all zones), each a real socket.io client in the load generator that holds its state and makes the HTTP requests of the UI it mirrors: lib/models/console.ts (staff-ui/src/data/staff-data.ts), phone.ts (display-ui/src/phone/phone-data.ts), kiosk.ts (kiosk-ui/src/data/kiosk-data.ts and kiosk-app.ts), display.ts (display-ui/src/display/data/display-data.ts). Consoles keep up to 6 keep-alive connections (a browser’s limit per origin), so an action never waits behind a reload; kiosks 2, phone pages and the display 1.`,
      `The day, ${paceText}: ${fmt(o.visitsPerDay, 0)} visits over ${o.openHours} opening hours (one every ${fmt((o.openHours * 3600) / o.visitsPerDay / o.pace, 1)} s on average, Poisson arrivals), with benchmark 4’s mix (15 % “I don’t know” → Guidance, 30 % referred, ten languages). A visitor waits for a free kiosk, switches its language if not Finnish (the kiosk reloads its menu), chooses for ${o.chooseSeconds} s, takes the ticket and leaves the ticket screen after ${o.ticketSeconds} s. The first ${o.phones} visitors whose visit is running open the phone page, so ${o.phones} are open at any time; a page closes when its visit ends. Each hub starts with ${o.lobbyAtStart} visitors waiting and every desk serving one (service times are exponential, so the time left is too), so the day runs at its steady rate from the first second.`,
      `Staff work from their console: a desk presses call-next when its console shows someone waiting in its line (and otherwise waits for the console to change, looking again at least every 10 s); an empty press (another desk was faster) is counted. After a call the visitor walks up (${o.walkSeconds} s), then start; the service lasts a random (exponential) time; then refer (when the plan says so and this is the first step) or finish; then ${o.wrapSeconds} s of paperwork. Each line’s mean desk cycle is set so its desks serve that line’s share of the day (first steps and referrals) at ${pct(o.utilisation)} load — about 2–5 minutes at this volume.`,
      `For N = ${o.ladder.join(', ')} hubs (stopping early when the server passes ${pct(o.stopServerShare)} of a core or call→display p99 ${ms(o.stopCallP99Ms)} over at least 20 calls, or the generator passes ${pct(o.stopGeneratorShare)} of a core): a fresh database and a fresh server process (child process, WAL, synchronous=FULL); all screens are opened, the day runs ${o.warmupSeconds} s, then ${o.windowSeconds} s are measured.`,
      'With few calls in a window (fewer than 100), its p99 is in effect the slowest call: read it with the count beside it.',
      'Server CPU: the server process’s user + system CPU time (process.cpuUsage, asked over IPC) over the window’s wall time (100 % = one core); per hub = that / N. Server loop lag: perf_hooks.monitorEventLoopDelay in the server process over the window (10 ms resolution). Call→display: from the moment a staff console’s call-next request is sent to the moment that hub’s display client hears the `call` event, both in the generator (performance.now()); calls pressed in the window. HTTP requests and socket messages per hub per minute: everything the models sent and heard in the window. Commands: issue, call-next, start, refer, finish.',
      'The load generator shares the machine’s 2 cores with the server, so its own CPU (process.cpuUsage) and event-loop lag are reported too: its lag adds to call→display. Where the generator (not the server) stops the climb, the largest N it could drive is reported as measured, and N at the CPU limit is extrapolated from the server CPU per hub there, labelled as such.',
    ],
    tables: [
      {
        title: `As N grows (${o.windowSeconds} s measured per N; ${paceText})`,
        headers: ['hubs', 'server CPU', 'per hub', 'call→display p50', 'p99', 'calls', 'server loop lag p99', 'HTTP req / hub / min', 'socket msgs / hub / min', 'commands / hub / min', 'generator CPU', 'generator lag p99', `< ${pct(o.serverShareLimit)} and < ${o.callP99LimitMs} ms`],
        rows: steps.map((st) => [
          st.hubs,
          pct(st.serverShare),
          pct1(st.serverShare / st.hubs),
          ms(st.call.p50),
          ms(st.call.p99),
          st.call.n,
          ms(st.serverLoopP99),
          fmt(perHubMin(st, totalRequests(st)), 0),
          fmt(perHubMin(st, totalMessages(st)), 0),
          fmt(perHubMin(st, st.commands), 1),
          pct(st.generatorShare),
          ms(st.generatorLoopP99),
          within(st) ? 'yes' : 'no',
        ]),
      },
      {
        title: 'HTTP requests per hub per minute, by screen',
        headers: ['hubs', 'consoles (40)', `phone pages (${o.phones})`, `kiosks (${o.kiosks})`, 'display (1)', 'server RSS at end', 'screens opened in', 'generator open files'],
        rows: steps.map((st) => [
          st.hubs,
          fmt(perHubMin(st, st.requests.console), 0),
          fmt(perHubMin(st, st.requests.phone), 1),
          fmt(perHubMin(st, st.requests.kiosk), 1),
          fmt(perHubMin(st, st.requests.display), 1),
          `${(st.rss / 1024 / 1024).toFixed(0)} MiB`,
          `${st.openSeconds.toFixed(1)} s`,
          fmt(st.files, 0),
        ]),
      },
    ],
    goals,
    checks: [
      { name: 'every call reached its hub’s display', ok: heard === pressed, detail: `${fmt(heard, 0)}/${fmt(pressed, 0)} calls of the measured windows heard` },
      {
        name: 'no failures (5xx answers, requests left unanswered, lost sockets, refused actions)',
        ok: failures === 0,
        detail: failures === 0 ? '0' : `${failures} (the first: ${[...new Set(steps.flatMap((x) => x.firstFailures))].slice(0, 3).join('; ')})`,
      },
    ],
    notes: [
      `The climb stopped at ${last ? last.hubs : 0} hub(s), limited by ${stoppedBy}.`,
      ...(extrapolated !== null
        ? [`**Extrapolated, not measured:** at ${last!.hubs} hubs the server used ${pct1(last!.serverShare / last!.hubs)} of a core per hub, so ${pct(o.serverShareLimit)} of a core would carry about ${fmt(extrapolated, 0)} hubs, if the cost per hub stays flat and latency stays under the limit.`]
        : []),
      `For scale: a real day’s pace is about ${fmt(expectedCommands, 0)} commands per hub per minute (${fmt(o.visitsPerDay / o.openHours / 60 * o.pace, 1)} issues, and call-next, start and refer or finish for each of ${fmt(stepsPerVisit, 2)} steps per visit); fewer in the table means the server or the generator did not keep up, or the window was too short to say.`,
      `Empty presses of call-next (another desk got there first): ${steps.map((x) => `${fmt(x.emptyPresses, 0)} at ${x.hubs}`).join(', ')}.`,
    ],
    seconds: (performance.now() - started) / 1000,
  };
}
