import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
const r = 8;
const p = 1;
const keyLength = 32;
/** OWASP's scrypt floor (N=2^17, r=8, p=1): about 128 MiB and a few hundred ms per hash. */
export const productionLog2N = 17;
// scrypt needs 128·N·r bytes; leave room so that a stored hash of a higher cost still verifies
const maxmemFor = (n: number) => 2 * 128 * n * r;

/**
 * Hashes run on libuv's thread pool (4 threads by default), which also reads the static files
 * and does every other fs call. A burst of logins must not fill it, so at most this many run at
 * once and the rest wait in line here, off the pool.
 */
export const maxParallelHashes = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (running >= maxParallelHashes) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    // hand the slot straight to the next in line, so `running` never dips and lets a newcomer jump
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export async function hashPassword(password: string, log2N: number): Promise<string> {
  const N = 2 ** log2N;
  const salt = randomBytes(16);
  const key = await bounded(() => scryptAsync(password, salt, keyLength, { N, r, p, maxmem: maxmemFor(N) }));
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, rs, ps, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const N = Number(n);
  const actual = await bounded(() =>
    scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, { N, r: Number(rs), p: Number(ps), maxmem: maxmemFor(N) }),
  );
  return timingSafeEqual(actual, expected);
}

/** Whether a stored hash is cheaper than the cost now asked for, so a login should rehash it. */
export function needsRehash(stored: string, log2N: number): boolean {
  const [kind, n, rs, ps] = stored.split('$');
  return kind !== 'scrypt' || Number(n) < 2 ** log2N || Number(rs) !== r || Number(ps) !== p;
}

/** Session cookies, device and visit tokens: 128+ random bits, stored only as a hash. */
export const newToken = (bytes = 18): string => randomBytes(bytes).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');
