/**
 * Issue 9 §1, "a stale desk bypasses scoping": an admin moved user `kela` to another agency and
 * their open desk kept calling Kela's line. Every call checks the desk's services against the
 * user's current agencies, and the agency change itself closes the desk.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from '../support/app.js';
import { as, callNext, did, expectError, expectOk, issue, openDesk, snapshot, stepAction, type Staff } from '../api/helpers.js';

let hub: TestHub;
let kela: Staff;
beforeEach(async () => {
  hub = await startHub();
  kela = await as(hub, 'kela');
});
afterEach(async () => {
  await hub.app.close();
});

const kelaUser = () => hub.app.q.userByUsername('kela')!;

describe('a desk opened under agencies the user no longer has', () => {
  it('refuses call-next and call with DESK_SERVICE_NOT_ALLOWED when the desk still serves the old agency', async () => {
    await openDesk(hub, kela, '1', ['kela']);
    const v = await issue(hub, ['kela']);
    const stepId = hub.app.q.stepsOfVisit(v.visitId)[0]!.id;
    // the account row changed under an open desk and session (an agency change from before
    // this check, or one racing the desk): the call itself must still refuse
    const u = kelaUser();
    hub.app.q.updateUser({ ...u, agencyIds: [hub.ids.agency.tyo!] });
    const before = await snapshot(hub);
    expectError(await callNext(hub, kela, '1'), 403, 'DESK_SERVICE_NOT_ALLOWED');
    expectError(await stepAction(hub, kela, stepId, 'call', { deskId: did(hub, '1') }), 403, 'DESK_SERVICE_NOT_ALLOWED');
    expect(await snapshot(hub)).toEqual(before);
  });

  it("closes the user's desk when the admin moves them to another agency; Kela's line can no longer be called from it", async () => {
    await openDesk(hub, kela, '1', ['kela']);
    await issue(hub, ['kela']);
    const admin = await as(hub, 'admin');
    const u = kelaUser();
    expectOk(await hub.call('PUT', `/api/admin/users/${u.id}`, admin, {
      displayName: u.displayName, role: 'staff', agencyIds: [hub.ids.agency.tyo], active: true, language: u.language,
    }));
    const desk = expectOk(await hub.call('GET', '/api/desks', admin)).desks.find((d: any) => d.id === did(hub, '1'));
    expect(desk).toMatchObject({ status: 'closed', serviceIds: [] });
    const again = { cookie: await hub.login('kela') };
    expectError(await callNext(hub, again, '1'), 409, 'DESK_CLOSED');
  });
});
