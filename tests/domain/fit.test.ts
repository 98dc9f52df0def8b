import { describe, expect, it } from 'vitest';
import { fitsDesk, needsWithoutDesk, speaks } from '@luukku/shared/fit';

const none = { interpreter: false, accessible: false, accompanied: false };
const desk = (o: { accessible?: boolean; languages?: string[]; status?: 'open' | 'closed' | 'break'; serviceIds?: number[] }) => ({
  accessible: o.accessible ?? false,
  languages: o.languages ?? ['fi'],
  status: o.status ?? 'open',
  serviceIds: o.serviceIds ?? [1],
});

describe('desks that fit the need', () => {
  it('calls a visitor who asked for an accessible desk only to an accessible one; anyone else anywhere', () => {
    expect(fitsDesk({ accessible: true }, desk({}))).toBe(false);
    expect(fitsDesk({ accessible: true }, desk({ accessible: true }))).toBe(true);
    expect(fitsDesk({ accessible: false }, desk({}))).toBe(true);
  });

  it('counts Easy Finnish as spoken where Finnish is', () => {
    expect(speaks(desk({ languages: ['fi'] }), 'fi-x-easy')).toBe(true);
    expect(speaks(desk({ languages: ['sv'] }), 'fi-x-easy')).toBe(false);
  });

  it('names each need no open desk of the line meets, each need on its own', () => {
    const v = { language: 'ar' as const, needs: { ...none, accessible: true, interpreter: true } };
    // one desk is accessible, another speaks Arabic: both needs are met somewhere
    expect(needsWithoutDesk(v, 1, [desk({ accessible: true }), desk({ languages: ['ar'] })])).toEqual([]);
    expect(needsWithoutDesk(v, 1, [desk({ languages: ['ar'] })])).toEqual(['accessible']);
    expect(needsWithoutDesk(v, 1, [desk({ accessible: true })])).toEqual(['language']);
    // a closed desk, a desk on a break, or one open for another line does not count
    expect(
      needsWithoutDesk(v, 1, [desk({ accessible: true, languages: ['ar'], status: 'closed' }), desk({ accessible: true, languages: ['ar'], status: 'break' }), desk({ accessible: true, languages: ['ar'], serviceIds: [2] })]),
    ).toEqual(['accessible', 'language']);
  });

  it('does not flag a visitor without needs, or one whose language is not spoken but who asked for no interpreter', () => {
    expect(needsWithoutDesk({ language: 'so', needs: none }, 1, [])).toEqual([]);
    expect(needsWithoutDesk({ language: 'so', needs: { ...none, accompanied: true } }, 1, [desk({})])).toEqual([]);
  });
});
