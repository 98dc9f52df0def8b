import type { TicketModel } from '../../../server/src/printing/ticket-model.js';

export const phoneUrl = 'http://192.168.1.20:3000/v/Q2hlY2tUaGlzVG9rZW4x';

/** The Finnish ticket of the Mäntsälä demo hub. */
export function finnishTicket(overrides: Partial<TicketModel> = {}): TicketModel {
  return {
    hubName: 'Mäntsälän palvelutori',
    number: 'K023',
    services: ['Vuokra-asunnot', 'Kela'],
    issuedAt: '24.11.2026 10:05',
    peopleAhead: 3,
    estimateMin: 15,
    phoneUrl,
    language: 'fi',
    raster: null,
    appointment: null,
    ...overrides,
  };
}
