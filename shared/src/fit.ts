import type { Needs } from './schemas/visit.js';
import type { VisitorLanguage } from './schemas/common.js';

/**
 * Whether a desk fits a visitor's need (issue 11 §1). Zod-free, for the UIs' bundles; the
 * server refuses a call by the same rule, and its "call next" query skips by it too.
 *
 * - Accessible is a hard fit: a visitor who asked for an accessible desk is called only to one.
 * - Language is a soft fit: nothing is refused, but a visitor who asked for an interpreter is
 *   better served where their language is spoken, so the console tells when no open desk of
 *   their line speaks it. Visitors who did not ask for an interpreter are not flagged: most
 *   manage in the hub's languages, and a mark on every one of them would be noise.
 */
export interface DeskFit {
  accessible: boolean;
  languages: readonly string[];
}

export interface DeskOpenFor extends DeskFit {
  status: 'open' | 'closed' | 'break';
  serviceIds: readonly number[];
}

export type UnmetNeed = 'accessible' | 'language';

/** The hard rule: may this visitor be called to this desk? */
export function fitsDesk(needs: Pick<Needs, 'accessible'>, desk: DeskFit): boolean {
  return !needs.accessible || desk.accessible;
}

/** Whether the desk speaks the language; Easy Finnish is Finnish spoken plainly. */
export function speaks(desk: DeskFit, language: VisitorLanguage): boolean {
  const base = language === 'fi-x-easy' ? 'fi' : language;
  return desk.languages.includes(language) || desk.languages.includes(base);
}

/** What this desk lacks for the visitor, hard and soft; empty when it fits. */
export function unmetNeeds(visitor: { needs: Needs; language: VisitorLanguage }, desk: DeskFit): UnmetNeed[] {
  const out: UnmetNeed[] = [];
  if (!fitsDesk(visitor.needs, desk)) out.push('accessible');
  if (visitor.needs.interpreter && !speaks(desk, visitor.language)) out.push('language');
  return out;
}

/**
 * The needs of a waiting visitor that no open desk of their line meets: for the console's
 * "no suitable desk open" mark. Each need is checked on its own (one desk may be accessible,
 * another speak the language). Empty when every need is met somewhere, or the visitor has none.
 */
export function needsWithoutDesk(
  visitor: { needs: Needs; language: VisitorLanguage },
  serviceId: number,
  desks: readonly DeskOpenFor[],
): UnmetNeed[] {
  if (!visitor.needs.accessible && !visitor.needs.interpreter) return [];
  const open = desks.filter((d) => d.status === 'open' && d.serviceIds.includes(serviceId));
  const wanted = unmetNeeds(visitor, { accessible: false, languages: [] });
  return wanted.filter((need) => open.every((d) => unmetNeeds(visitor, d).includes(need)));
}
