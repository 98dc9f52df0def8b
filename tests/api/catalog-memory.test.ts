import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '@luukku/shared';
import { adminChange } from '../../server/src/commands/admin.js';
import { kiosk, startHub, type TestHub } from '../support/app.js';
import { as, expectError, expectOk, issue, issueBody } from './helpers.js';

/** The catalogue is held in memory (db/src/cache.ts): every admin change must still show at once. */
describe('the catalogue held in memory', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await startHub();
  });
  afterEach(async () => {
    await hub.app.close();
  });

  const menuServices = async () =>
    expectOk(await hub.call('GET', '/api/kiosk/menu?lang=fi', kiosk)).agencies.flatMap((a: { services: { id: number; label: string }[] }) => a.services);
  const editable = async (id: number) => {
    const admin = await as(hub, 'admin');
    const current = expectOk(await hub.call('GET', '/api/admin/catalog', admin)).services.find((s: { id: number }) => s.id === id);
    const { id: _id, code: _code, isGuidance: _g, openNow: _o, ...rest } = current;
    return { admin, rest };
  };

  it('shows an admin change to the very next kiosk menu and issue', async () => {
    const kela = hub.ids.service.kela!;
    await issue(hub, ['kela']); // the catalogue is loaded and in use
    expect(await menuServices()).toContainEqual(expect.objectContaining({ id: kela }));

    const { admin, rest } = await editable(kela);
    expectOk(await hub.call('PUT', `/api/admin/services/${kela}`, admin, { ...rest, publicLabel: { fi: 'Kela: uusi nimi' } }));
    expect(await menuServices()).toContainEqual(expect.objectContaining({ id: kela, label: 'Kela: uusi nimi' }));

    expectOk(await hub.call('PUT', `/api/admin/services/${kela}`, admin, { ...rest, active: false }));
    expect((await menuServices()).map((s: { id: number }) => s.id)).not.toContain(kela);
    expectError(await hub.call('POST', '/api/visits', kiosk, issueBody(hub, ['kela'])), 404, 'SERVICE_NOT_FOUND');
  });

  it('keeps what was committed when an admin change fails half-way', async () => {
    const kela = hub.ids.service.kela!;
    const { rest } = await editable(kela);
    const admin = hub.app.q.userByUsername('admin')!;
    expect(() =>
      adminChange(hub.app.commands, admin, 'service.update', `service:${kela}`, null, () => {
        hub.app.q.updateService({ id: kela, hubId: 1, ...rest, publicLabel: { fi: 'Ei tallennettu' } });
        expect(hub.app.q.service(kela)!.publicLabel.fi).toBe('Ei tallennettu'); // seen inside the change
        throw new DomainError('VALIDATION_FAILED', 'refused after the write');
      }),
    ).toThrow('refused after the write');
    expect(hub.app.q.service(kela)!.publicLabel.fi).not.toBe('Ei tallennettu');
    expect((await menuServices()).find((s: { id: number }) => s.id === kela).label).not.toBe('Ei tallennettu');
  });
});
