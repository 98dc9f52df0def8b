import { parseArgs } from 'node:util';
import { z } from 'zod';
import { backupDatabase, createQueries, openDatabase } from '@luukku/db';
import { configFromEnv } from './config.js';
import { hashPassword } from './auth/secrets.js';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const usage = `Usage:
  npm run luukku -- create-admin --username NAME --password PASSWORD [--hub-name NAME] [--hub-slug SLUG]
      Creates the first admin (and the hub itself, when the database has none).
  npm run luukku -- backup [--to FILE]
      Copies the live database safely (SQLite online backup), by default to
      <LUUKKU_DATA_DIR>/backups/luukku-<date>-<time>.sqlite. The server may keep running.`;

const CreateAdmin = z.object({
  username: z.string().regex(/^[a-z0-9._-]{2,64}$/, 'username: 2–64 of a–z, 0–9, . _ -'),
  password: z.string().min(8, 'password: at least 8 characters'),
  'hub-name': z.string().min(1).max(100).default('Palvelutori'),
  'hub-slug': z.string().regex(/^[a-z0-9-]{1,40}$/).default('hub'),
});

async function backup(rest: string[]): Promise<number> {
  const { values } = parseArgs({ args: rest, options: { to: { type: 'string' } } });
  const config = configFromEnv();
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const to = values.to ?? join(config.dataDir, 'backups', `luukku-${stamp}.sqlite`);
  const db = openDatabase(config.databasePath);
  try {
    const { pages } = await backupDatabase(db, to);
    process.stdout.write(`Backup written to ${to} (${pages} pages).\n`);
    return 0;
  } finally {
    db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'backup') return backup(rest);
  if (command !== 'create-admin') {
    process.stderr.write(usage + '\n');
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: { username: { type: 'string' }, password: { type: 'string' }, 'hub-name': { type: 'string' }, 'hub-slug': { type: 'string' } },
  });
  const parsed = CreateAdmin.safeParse(values);
  if (!parsed.success) {
    process.stderr.write(z.prettifyError(parsed.error) + '\n\n' + usage + '\n');
    return 2;
  }
  const args = parsed.data;
  const config = configFromEnv();
  mkdirSync(dirname(config.databasePath), { recursive: true });
  const q = createQueries(openDatabase(config.databasePath));
  if (q.userByUsername(args.username)) {
    process.stderr.write(`The username ${args.username} is taken.\n`);
    return 1;
  }
  const passwordHash = await hashPassword(args.password, config.scryptLog2N);
  const now = Date.now();
  q.transaction(() => {
    const hub =
      q.hubs()[0]?.id ??
      q.insertHub(
        { slug: args['hub-slug'], name: { fi: args['hub-name'] }, timeZone: 'Europe/Helsinki', languages: ['fi', 'sv', 'en'], referralPolicy: 'keep', targetWaitMin: 15 },
        now,
      );
    const id = q.insertUser({ hubId: hub, username: args.username, displayName: args.username, passwordHash, role: 'admin', language: 'fi', agencyIds: [] }, now);
    q.audit({ hubId: hub, at: now, actorKind: 'system', actorId: null, action: 'user.create-admin', subject: `user:${id}`, detail: null });
  });
  process.stdout.write(`Admin ${args.username} created in ${config.databasePath}.\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
