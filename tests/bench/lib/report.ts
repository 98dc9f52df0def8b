/** What a benchmark hands back: tables to print and to write into BENCHMARKS.md. */

export type Cell = string | number;

export interface Table {
  title?: string;
  headers: string[];
  rows: Cell[][];
}

export interface Goal {
  name: string;
  target: string;
  actual: string;
  met: boolean;
  /** The margin it was met with ("40 % under"), or by how much it was missed ("by 6 ms (43 % over)"). */
  margin: string;
}

export interface BenchResult {
  id: string;
  title: string;
  /** How it was taken (markdown). */
  method: string[];
  tables: Table[];
  goals: Goal[];
  /** Checks of correctness under load (nothing lost, nothing duplicated). */
  checks: { name: string; ok: boolean; detail: string }[];
  notes: string[];
  seconds: number;
}

export function fmt(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return '–';
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US');
  return x.toFixed(digits);
}

export const ms = (x: number): string => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms` : '–');
export const ratio = (x: number): string => (Number.isFinite(x) && x > 0 ? `${x.toFixed(2)}×` : '–');
export const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

function widths(t: Table): number[] {
  return t.headers.map((h, i) => Math.max(h.length, ...t.rows.map((r) => String(r[i] ?? '').length)));
}

export function textTable(t: Table): string {
  const w = widths(t);
  const line = (cells: Cell[]) => cells.map((c, i) => (typeof c === 'number' ? String(c).padStart(w[i]!) : String(c).padEnd(w[i]!))).join('  ');
  const out = [line(t.headers), w.map((x) => '-'.repeat(x)).join('  '), ...t.rows.map(line)];
  return (t.title ? t.title + '\n' : '') + out.join('\n');
}

export function markdownTable(t: Table): string {
  const esc = (c: Cell) => String(c).replace(/\|/g, '\\|');
  const out = [
    `| ${t.headers.map(esc).join(' | ')} |`,
    `| ${t.headers.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ];
  return (t.title ? `*${t.title}*\n\n` : '') + out.join('\n');
}

export function printResult(r: BenchResult): void {
  const out: string[] = [`\n=== ${r.title} (${r.seconds.toFixed(0)} s) ===`];
  for (const t of r.tables) out.push('', textTable(t));
  if (r.goals.length) {
    out.push('');
    for (const g of r.goals) out.push(`goal ${g.met ? 'MET   ' : 'MISSED'} ${g.name}: ${g.actual} (target ${g.target}; ${verdict(g)})`);
  }
  for (const c of r.checks) out.push(`check ${c.ok ? 'ok    ' : 'FAILED'} ${c.name}: ${c.detail}`);
  for (const n of r.notes) out.push(`note: ${n}`);
  process.stdout.write(out.join('\n') + '\n');
}

/** "missed by 23 % (12.3 ms over)" style margins for goals of the form actual ≤ target. */
export function upperGoal(name: string, actual: number, target: number, show: (x: number) => string): Goal {
  const met = actual <= target;
  const pct = ((actual - target) / target) * 100;
  return {
    name,
    target: `< ${show(target)}`,
    actual: show(actual),
    met,
    margin: met ? `${Math.abs(pct).toFixed(0)} % under` : `by ${show(actual - target)} (${pct.toFixed(0)} % over)`,
  };
}

/** Goals of the form actual ≥ target. */
export function lowerGoal(name: string, actual: number, target: number, show: (x: number) => string): Goal {
  const met = actual >= target;
  const pct = ((actual - target) / target) * 100;
  return {
    name,
    target: `≥ ${show(target)}`,
    actual: show(actual),
    met,
    margin: met ? `${pct.toFixed(0)} % above` : `by ${show(target - actual)} (${Math.abs(pct).toFixed(0)} % short)`,
  };
}

/** "met, 40 % under" or "missed by 6 ms (43 % over)". */
export const verdict = (g: Goal, bold = false): string => (g.met ? `met, ${g.margin}` : `${bold ? '**missed**' : 'missed'} ${g.margin}`);
