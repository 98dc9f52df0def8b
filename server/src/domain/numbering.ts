import { DomainError } from '@luukku/shared';

/** K + 3 digits. Past 999 in one day the number grows a digit rather than repeat (rule 2). */
export function formatNumber(prefix: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new DomainError('NUMBER_SPACE_EXHAUSTED', `Bad counter value ${n}`);
  return prefix + String(n).padStart(3, '0');
}

/** The prefix of a visit is that of its first service; Guidance has its own. */
export function visitPrefix(services: readonly { prefix: string }[]): string {
  const first = services[0];
  if (!first) throw new DomainError('VALIDATION_FAILED', 'A visit needs at least one service');
  return first.prefix;
}
