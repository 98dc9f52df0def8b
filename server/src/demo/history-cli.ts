import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createQueries, openDatabase } from '@luukku/db';
import { configFromEnv } from '../config.js';
import { seedDemo } from './seed.js';
import { HistoryRefused, seedHistory } from './history.js';

const usage = `Usage: npm run demo:history [-- --weeks 4 --seed 1]

Writes a few weeks of synthetic traffic (past weekdays only) into the demo database in
LUUKKU_DATA_DIR (./data), seeding the demo hub first if the folder is empty. Days that already
have visits are left alone. Run it while the server is stopped, or with all desks closed.`;

const Args = z.object({
  weeks: z.coerce.number().int().min(1, 'weeks: 1–26').max(26, 'weeks: 1–26').default(4),
  seed: z.coerce.number().int().min(0).max(2 ** 31).default(1),
});

async function main(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options: { weeks: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean' } } }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(usage + '\n');
    return 0;
  }
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    process.stderr.write(z.prettifyError(parsed.error) + '\n\n' + usage + '\n');
    return 2;
  }
  const config = configFromEnv();
  mkdirSync(dirname(config.databasePath), { recursive: true });
  const db = openDatabase(config.databasePath);
  // made-up history need not survive a power cut mid-run; without an fsync per command
  // four weeks take seconds instead of minutes
  db.pragma('synchronous = NORMAL');
  const q = createQueries(db);
  const now = new Date();
  if (await seedDemo(q, now.getTime(), config.scryptLog2N)) process.stdout.write(`Demo hub created in ${config.databasePath}.\n`);
  try {
    const result = seedHistory(q, {
      ...parsed.data,
      now,
      onDay: (day, visits) => process.stdout.write(`${day}: ${visits} visits\n`),
    });
    if (result.skipped.length > 0) process.stdout.write(`Left alone (already had visits): ${result.skipped.join(', ')}\n`);
    process.stdout.write(`${result.visits} visits on ${result.days.length} days written to ${config.databasePath}.\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof HistoryRefused)) throw err;
    process.stderr.write(err.message + '\n');
    return 1;
  } finally {
    db.pragma('synchronous = FULL');
    db.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
