import { parseArgs } from 'node:util';
import { z } from 'zod';
import { backupDatabase, backupFileName, createQueries, openDatabase, rotateBackups } from '@luukku/db';
import { configFromEnv } from './config.js';
import { hashPassword } from './auth/secrets.js';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const usage = `Usage:
  npm run luukku -- create-admin --username NAME [--hub-name NAME] [--hub-slug SLUG] [--region]
      Creates an admin of the hub --hub-slug names (the first hub by default; the hub itself,
      when the database has none). --region makes a region admin, who manages every hub and
      makes new ones from a template in the admin pages. Asks for the
      password (typed twice, not shown), or reads its first line from stdin when piped:
      printf '%s\n' "$PASSWORD" | npm run luukku -- create-admin --username NAME
      Never on the command line: other users of the machine see arguments (ps, shell history).
  npm run luukku -- backup [--to FILE]
      Copies the live database safely (SQLite online backup), by default to
      <LUUKKU_DATA_DIR>/backups/luukku-<date>-<time>.sqlite, and keeps the newest
      LUUKKU_BACKUP_KEEP backups there. The server may keep running.`;

const CreateAdmin = z.object({
  username: z.string().regex(/^[a-z0-9._-]{2,64}$/, 'username: 2–64 of a–z, 0–9, . _ -'),
  password: z.string().min(8, 'password: at least 8 characters'),
  'hub-name': z.string().min(1).max(100).default('Palvelutori'),
  'hub-slug': z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
  region: z.boolean().default(false),
});

async function backup(rest: string[]): Promise<number> {
  const { values } = parseArgs({ args: rest, options: { to: { type: 'string' } } });
  const config = configFromEnv();
  const folder = join(config.dataDir, 'backups');
  const to = values.to ?? join(folder, backupFileName(new Date()));
  if (values.to === undefined) {
    // the data folder's own backups: for the server's user alone, like the database itself
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    chmodSync(folder, 0o700);
  }
  const db = openDatabase(config.databasePath);
  try {
    const { pages } = await backupDatabase(db, to);
    process.stdout.write(`Backup written to ${to} (${pages} pages).\n`);
    // only the default folder rotates: a copy made --to elsewhere is the operator's to keep
    if (values.to === undefined) {
      const removed = rotateBackups(folder, config.backupKeep);
      if (removed.length > 0) process.stdout.write(`Removed older backups: ${removed.join(', ')}.\n`);
    }
    return 0;
  } finally {
    db.close();
  }
}

/** The first line piped in on stdin (without its line ending). */
async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** Reads a line from the terminal without echoing it. */
function readHidden(question: string): Promise<string> {
  return new Promise((resolvePassword, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let typed = '';
    const onData = (chars: string) => {
      for (const c of chars) {
        if (c === '\r' || c === '\n') {
          finish();
          process.stdout.write('\n');
          return resolvePassword(typed);
        }
        if (c === '\u0003') {
          finish();
          return reject(new Error('cancelled'));
        }
        if (c === '\u007f' || c === '\b') typed = typed.slice(0, -1);
        else typed += c;
      }
    };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
    };
    stdin.on('data', onData);
  });
}

/** Asks twice; null when the two differ. */
async function promptPassword(): Promise<string | null> {
  const first = await readHidden('Password for the new admin: ');
  const again = await readHidden('The same again: ');
  return first === again ? first : null;
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
    options: {
      username: { type: 'string' }, password: { type: 'string' }, 'hub-name': { type: 'string' }, 'hub-slug': { type: 'string' }, region: { type: 'boolean' },
    },
  });
  if (values.password !== undefined) {
    process.stderr.write('The password is not taken from the command line, where others can read it: type it at the prompt or pipe it on stdin.\n\n' + usage + '\n');
    return 2;
  }
  const password = process.stdin.isTTY ? await promptPassword() : await firstLineOfStdin();
  if (password === null) {
    process.stderr.write('The two passwords differ; nothing was created.\n');
    return 1;
  }
  const parsed = CreateAdmin.safeParse({ ...values, password });
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
  // with hubs in the database, --hub-slug names one of them; without, it names the new hub
  const slug = args['hub-slug'];
  if (q.hubs().length > 0 && slug !== undefined && !q.hubBySlug(slug)) {
    process.stderr.write(`No hub is called ${slug}; the hubs are: ${q.hubs().map((h) => h.slug).join(', ')}.\n`);
    return 1;
  }
  const passwordHash = await hashPassword(args.password, config.scryptLog2N);
  const now = Date.now();
  const role = args.region ? 'region_admin' : 'admin';
  q.transaction(() => {
    const hub =
      (slug === undefined ? q.hubs()[0]?.id : q.hubBySlug(slug)?.id) ??
      q.insertHub(
        { slug: slug ?? 'hub', name: { fi: args['hub-name'] }, timeZone: 'Europe/Helsinki', languages: ['fi', 'sv', 'en'], referralPolicy: 'keep', targetWaitMin: 15 },
        now,
      );
    const id = q.insertUser({ hubId: hub, username: args.username, displayName: args.username, passwordHash, role, language: 'fi', agencyIds: [] }, now);
    q.audit({ hubId: hub, at: now, actorKind: 'system', actorId: null, action: 'user.create-admin', subject: `user:${id}`, detail: { role } });
  });
  const where = q.hub(q.userByUsername(args.username)!.hubId)!.slug;
  process.stdout.write(`${args.region ? 'Region admin' : 'Admin'} ${args.username} created in hub ${where} of ${config.databasePath}.\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
