import { describe, expect, it } from 'vitest';
import { ticketBytes } from '../../server/src/printing/escpos-ticket.js';
import { indexesOf } from './support/escpos-bytes.js';
import { finnishTicket } from './support/tickets.js';

/**
 * A Finnish/Swedish ticket with every letter of both languages the code page has to carry, the
 * euro sign and a dash the code page lacks. The bytes were taken from the hand-made PC858 table
 * before it was replaced by iconv-lite's cp858: whatever encodes the text, the printer must get
 * exactly these bytes.
 */
const swedishTicket = finnishTicket({
  hubName: 'Mäntsälän palvelutori – Servicetorget i Mäntsälä',
  number: 'Ä007',
  services: ['Kela: asumistuki', 'Bostadsbidrag, Åbo', 'Työllisyyspalvelut', 'Maksu 5 € / år'],
  peopleAhead: 12,
  estimateMin: 45,
  language: 'sv',
});

const pinnedHex =
  '1b74131b401b74131b61011b45014d846e7473846c846e2070616c76656c75746f7269202d2053657276696365746f72' +
  '6765742069204d846e7473846c840a1b45000a4b946e756d6d65720a1d21331b45018e3030370a1b45001d21000a4b65' +
  '6c613a206173756d697374756b690a426f73746164736269647261672c208f626f0a5479946c6c697379797370616c76' +
  '656c75740a4d616b7375203520d5202f2086720a0a32342e31312e323032362031303a30350a46947265206469672069' +
  '206b946e3a2031320a426572846b6e61642076846e74657469643a203435206d696e0a0a1d286b0400314132001d286b' +
  '03003143061d286b03003145311d286b3200315030687474703a2f2f3139322e3136382e312e32303a333030302f762f' +
  '5132686c5932745561476c7a564739725a5734781d286b03003151300a46946c6a2064696e2074757220692074656c65' +
  '666f6e656e0a1b64041b64041d56001b40';

describe('the bytes of a Finnish/Swedish ticket', () => {
  it('stay exactly the bytes the printer has always been sent', () => {
    expect(ticketBytes(swedishTicket).toString('hex')).toBe(pinnedHex);
  });

  it('carry ä ö å Ä Å and € at their PC858 bytes and fold the dash to a hyphen', () => {
    const bytes = ticketBytes(swedishTicket);
    expect(indexesOf(bytes, [0x35, 0x20, 0xd5, 0x20, 0x2f, 0x20, 0x86, 0x72])).toHaveLength(1); // "5 € / år"
    expect(indexesOf(bytes, [0x8e, ...Buffer.from('007')])).toHaveLength(1); // Ä
    expect(indexesOf(bytes, [0x8f, ...Buffer.from('bo')])).toHaveLength(1); // Å
    expect(indexesOf(bytes, 'palvelutori - Servicetorget')).toHaveLength(1);
  });
});
