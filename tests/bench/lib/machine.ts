import { cpus, totalmem, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';

export interface Machine {
  cores: number;
  memoryGiB: number;
  node: string;
  cpu: string;
  load: string;
}

export function machine(): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const m = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m);
    if (m) cpu = m[1]!.trim();
  } catch {
    // not Linux: keep what os.cpus() says
  }
  return {
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    cpu,
    load: loadavg().map((x) => x.toFixed(2)).join(' '),
  };
}

export const describeMachine = (m: Machine): string =>
  `${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, load average at start ${m.load}`;
