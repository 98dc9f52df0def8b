import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import webpush from 'web-push';
import { z } from 'zod';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const KeysFile = z.object({
  publicKey: z.string().regex(/^B[A-Za-z0-9_-]{86}$/),
  privateKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

/**
 * The server's VAPID key pair. Push services tie a subscription to the public key, so the pair
 * must outlive restarts: it is made on first start and kept in the data folder, readable by
 * the server's user alone. `null` (tests) makes a fresh pair in memory.
 */
export function loadVapidKeys(file: string | null): VapidKeys {
  if (file === null) return webpush.generateVAPIDKeys();
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    const keys = webpush.generateVAPIDKeys();
    // 'wx': two servers starting on one folder never overwrite each other's pair
    writeFileSync(file, JSON.stringify(keys, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    return keys;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const parsed = KeysFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a VAPID key pair (delete it to make a new one; phones then subscribe again)`);
  return parsed.data;
}
