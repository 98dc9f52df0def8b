import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kiosk } from '../support/app.js';
import { as, expectError, expectOk, issueBody, type Staff } from '../api/helpers.js';
import { hubOn, writeLongHistory, yearFrom, yearTo, type FileHub, type LongHistory } from './long-history.js';

/**
 * Reports run in a worker thread on their own read-only connection, so a year of a busy hub
 * does not stop the server. These hubs use real database files (a worker cannot share an
 * in-memory database), each a copy of one year of history.
 */
let history: LongHistory;
/** Two hubs on copies of one history: reports in the worker (the default for a file), and inline. */
let hub: FileHub;
let inline: FileHub;
let admin: Staff;
beforeAll(async () => {
  // the synthetic day 24 times on each weekday of a year: about 50,000 visits
  history = await writeLongHistory(24);
  hub = await started({});
  inline = await hubOn(history, { reportWorker: false });
  admin = await as(hub, 'admin');
}, 120_000);
afterAll(async () => {
  await hub?.remove();
  await inline?.remove();
  history?.remove();
});

const year = `from=${yearFrom}&to=${yearTo}`;

/** A hub whose report worker has started: it starts with the first report, and these tests are about later ones. */
async function started(config: Parameters<typeof hubOn>[1]): Promise<FileHub> {
  const h = await hubOn(history, config);
  expectOk(await h.call('GET', `/api/reports/waits?day=${yearTo}`, await as(h, 'admin')));
  return h;
}

async function withHub(config: Parameters<typeof hubOn>[1], test: (hub: FileHub, admin: Staff) => Promise<void>): Promise<void> {
  const h = await started(config);
  try {
    await test(h, await as(h, 'admin'));
  } finally {
    await h.remove();
  }
}

// under vitest the worker loads TypeScript through tsx, which takes seconds on a busy machine
describe('reports off the event loop', { timeout: 60_000 }, () => {
  it('answers /api/health and issues a ticket while a year report runs, and the report counts the whole year', async () => {
    const order: string[] = [];
    const done = <T>(what: string) => (value: T): T => {
      order.push(what);
      return value;
    };
    const report = hub.app.inject({ method: 'GET', url: `/api/reports/arrivals?${year}`, headers: { cookie: admin.cookie } }).then(done('report'));
    const health = hub.app.inject({ method: 'GET', url: '/api/health' }).then(done('health'));
    const ticket = hub.call('POST', '/api/visits', kiosk, issueBody(hub, ['kela'])).then(done('issue'));
    const [r, h, t] = await Promise.all([report, health, ticket]);
    expect(h.statusCode).toBe(200);
    expect(expectOk(t, 201).number).toBe('K001');
    expect(r.statusCode).toBe(200);
    expect(order.indexOf('report'), `answered in the order ${order.join(', ')}`).toBe(2);
    expect(r.json().visits).toBe(history.visits);
  });

  it('gives the same JSON and CSV from the worker as the inline path computes', async () => {
    const other = await as(inline, 'admin');
    for (const url of [`/api/reports/referrals?${year}`, `/api/reports/waits?${year}&format=csv&lang=sv`]) {
      const a = await hub.app.inject({ method: 'GET', url, headers: { cookie: admin.cookie } });
      const b = await inline.app.inject({ method: 'GET', url, headers: { cookie: other.cookie } });
      expect(a.statusCode).toBe(200);
      expect(a.headers['content-type']).toBe(b.headers['content-type']);
      const withoutClock = (body: string) => body.replace(/"generatedAt":"[^"]*"/, '');
      expect(withoutClock(a.body)).toBe(withoutClock(b.body));
    }
  });

  it('stops a report that runs past LUUKKU_REPORT_TIMEOUT_MS with 504 REPORT_TIMEOUT, and answers the next one', async () => {
    await withHub({ reportTimeoutMs: 150 }, async (hub, admin) => {
      expectError(await hub.call('GET', `/api/reports/waits?${year}`, admin), 504, 'REPORT_TIMEOUT');
      const day = expectOk(await hub.call('GET', `/api/reports/arrivals?day=${yearTo}`, admin));
      expect(day.visits).toBe(10);
    });
  });

  it('runs one report at a time and refuses with 503 REPORTS_BUSY when LUUKKU_REPORT_QUEUE are already waiting', async () => {
    await withHub({ reportQueue: 1 }, async (hub, admin) => {
      const order: number[] = [];
      const answers = await Promise.all(
        ['waits', 'services', 'stay'].map((kind) =>
          hub.call('GET', `/api/reports/${kind}?${year}`, admin).then((res) => {
            order.push(res.status);
            return res;
          }),
        ),
      );
      // one runs, one waits, the third is refused at once, before either report is done
      expect(order).toEqual([503, 200, 200]);
      expectError(answers.find((a) => a.status === 503)!, 503, 'REPORTS_BUSY');
    });
  });
});
