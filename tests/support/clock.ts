/** A clock the tests move by hand; the server reads it through config.now. */
export function testClock(startIso: string) {
  let t = new Date(startIso).getTime();
  if (Number.isNaN(t)) throw new Error(`bad time ${startIso}`);
  return {
    now: () => new Date(t),
    set: (iso: string) => {
      t = new Date(iso).getTime();
    },
    advanceMinutes: (m: number) => {
      t += m * 60_000;
    },
    advanceMs: (ms: number) => {
      t += ms;
    },
  };
}
export type TestClock = ReturnType<typeof testClock>;
