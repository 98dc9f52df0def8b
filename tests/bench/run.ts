/**
 * `npm run bench` — the five benchmarks of issue 6 and the two of issue 10 (hubs, depth), each
 * printing its table and ratio, all written into BENCHMARKS.md at the repository root.
 *
 *   npm run bench                          all of them (the first five about 10 minutes on 2 cores, hubs 10+ more), writes BENCHMARKS.md
 *   npm run bench -- --only=issue,fanout   some of them; only their sections are rewritten
 *   npm run bench -- --quick               small sizes, to try the harness; writes nothing
 *   npm run bench -- --no-write            print only
 *
 * Ids: issue, call-next, fanout, hub-day, ui, hubs, depth, report (issue 10). BENCH_PROF=<dir> makes every server process
 * write a V8 CPU profile there.
 *
 * Only the generated blocks between `<!-- bench:… -->` markers are rewritten; the prose around
 * them (the reading of the figures) is kept.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { issueBench, issueDefaults, issueQuick } from './issue.js';
import { callNextBench, callNextDefaults, callNextQuick } from './call-next.js';
import { fanoutBench, fanoutDefaults, fanoutQuick } from './fanout.js';
import { hubDayBench, hubDayDefaults, hubDayQuick } from './hub-day.js';
import { uiBench, uiDefaults, uiQuick } from './ui-weight.js';
import { hubsBench, hubsDefaults, hubsQuick } from './hubs.js';
import { depthBench, depthDefaults, depthQuick } from './depth.js';
import { reportBesideBench, reportBesideDefaults, reportBesideQuick } from './report-beside.js';
import { describeMachine, machine } from './lib/machine.js';
import { markdownTable, printResult, verdict, type BenchResult } from './lib/report.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',').filter(Boolean);
const write = !args.includes('--no-write') && (!quick || args.includes('--write'));

const benches: { id: string; run: () => Promise<BenchResult> }[] = [
  { id: 'issue', run: () => issueBench(quick ? issueQuick : issueDefaults) },
  { id: 'call-next', run: () => callNextBench(quick ? callNextQuick : callNextDefaults) },
  { id: 'fanout', run: () => fanoutBench(quick ? fanoutQuick : fanoutDefaults) },
  { id: 'hub-day', run: () => hubDayBench(quick ? hubDayQuick : hubDayDefaults) },
  { id: 'ui', run: () => uiBench(quick ? uiQuick : uiDefaults) },
  { id: 'hubs', run: () => hubsBench(quick ? hubsQuick : hubsDefaults) },
  { id: 'depth', run: () => depthBench(quick ? depthQuick : depthDefaults) },
  { id: 'report', run: () => reportBesideBench(quick ? reportBesideQuick : reportBesideDefaults) },
];
const unknown = (only ?? []).filter((id) => !benches.some((b) => b.id === id));
if (unknown.length) {
  process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; known: ${benches.map((b) => b.id).join(', ')}\n`);
  process.exit(2);
}

const file = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
const m = machine();
const when = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
process.stdout.write(`Luukku benchmarks${quick ? ' (quick sizes)' : ''} — ${when}\n${describeMachine(m)}\n`);

const begin = (id: string) => `<!-- bench:${id}:begin -->`;
const end = (id: string) => `<!-- bench:${id}:end -->`;

function section(r: BenchResult, loadBefore: string): string {
  const out: string[] = [];
  out.push(`*Taken ${when} on ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}; load average ${loadBefore} before, ${loadavg().map((x) => x.toFixed(2)).join(' ')} after; took ${r.seconds.toFixed(0)} s.*`);
  for (const t of r.tables) out.push('', markdownTable(t));
  if (r.goals.length) {
    out.push('', '| goal | target | result | |', '| --- | --- | --- | --- |');
    for (const g of r.goals) out.push(`| ${g.name} | ${g.target} | ${g.actual} | ${verdict(g, true)} |`);
  }
  if (r.checks.length) {
    out.push('');
    for (const c of r.checks) out.push(`- ${c.ok ? '✓' : '✗ **FAILED**'} ${c.name}: ${c.detail}`);
  }
  for (const n of r.notes) out.push('', n);
  out.push('', '**How it was taken**', '', ...r.method.map((x) => `- ${x}`));
  // the goals again, machine-readable, for the summary at the top
  out.push('', `<!-- bench:data ${JSON.stringify({ title: r.title, when, goals: r.goals, checks: r.checks.map((c) => c.ok) })} -->`);
  return out.join('\n');
}

function skeleton(): string {
  return [
    '# Luukku benchmarks',
    '',
    'Run with `npm run bench`; see tests/bench/run.ts for options.',
    '',
    begin('summary'),
    end('summary'),
    '',
    ...benches.flatMap((b) => [`## ${b.id}`, '', begin(b.id), end(b.id), '']),
  ].join('\n');
}

function replaceBlock(doc: string, id: string, body: string): string {
  const a = doc.indexOf(begin(id));
  const z = doc.indexOf(end(id));
  if (a < 0 || z < a) return `${doc.trimEnd()}\n\n## ${id}\n\n${begin(id)}\n${body}\n${end(id)}\n`;
  return doc.slice(0, a + begin(id).length) + '\n' + body + '\n' + doc.slice(z);
}

function summary(doc: string): string {
  const rows: string[] = [];
  const seen: string[] = [];
  for (const b of benches) {
    const a = doc.indexOf(begin(b.id));
    const z = doc.indexOf(end(b.id));
    if (a < 0 || z < a) continue;
    const data = doc.slice(a, z).match(/<!-- bench:data (.*) -->/);
    if (!data) continue;
    const d = JSON.parse(data[1]!) as { title: string; when: string; goals: BenchResult['goals']; checks: boolean[] };
    seen.push(`${d.title} (${d.when})`);
    for (const g of d.goals) rows.push(`| ${d.title.replace(/ \(.*$/, '')} | ${g.name} | ${g.target} | ${g.actual} | ${verdict(g, true)} |`);
    if (d.checks.some((ok) => !ok)) rows.push(`| ${d.title} | correctness checks | all pass | **some failed** | see the section |`);
  }
  return [
    `Machine: ${describeMachine(m).replace(/, load average.*$/, '')}. The machine is shared with other work, so every figure is compared as a ratio within one run; CPU-time ratios move least with the neighbours.`,
    '',
    '| benchmark | goal | target | result | |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Sections last taken: ${seen.join('; ')}.`,
  ].join('\n');
}

const selected = benches.filter((b) => !only || only.includes(b.id));
const failures: string[] = [];
let doc = existsSync(file) ? readFileSync(file, 'utf8') : skeleton();
for (const b of selected) {
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  process.stdout.write(`\n… ${b.id} (load average ${load})\n`);
  try {
    const r = await b.run();
    printResult(r);
    if (r.checks.some((c) => !c.ok)) failures.push(`${b.id}: a correctness check failed`);
    doc = replaceBlock(doc, b.id, section(r, load));
  } catch (err) {
    failures.push(`${b.id}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.stderr.write(`\n${b.id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  if (write) writeFileSync(file, replaceBlock(doc, 'summary', summary(doc)));
}
if (write) process.stdout.write(`\nwrote ${file}\n`);
if (failures.length) {
  process.stderr.write(`\n${failures.length} benchmark(s) failed:\n${failures.map((f) => '  ' + f.split('\n')[0]).join('\n')}\n`);
  process.exit(1);
}
