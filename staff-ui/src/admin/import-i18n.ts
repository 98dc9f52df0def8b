import type { ImportChange } from '@luukku/shared';

/** The words of the admin pages' appointment import (issue 11 §1), in the staff languages. */
export interface ImportMessages {
  tab: string;
  title: string;
  hint: string;
  file: string;
  format: string;
  formats: Record<'ics' | 'csv', string>;
  defaultService: string;
  noDefault: string;
  preview: string;
  import: string;
  chooseFile: string;
  tooLarge: string;
  previewTitle: string;
  doneTitle: string;
  counts: (c: Record<ImportChange, number>) => string;
  problemsTitle: (n: number) => string;
  line: string;
  bookingId: string;
  time: string;
  change: string;
  changes: Record<ImportChange, string>;
  code: string;
  problem: string;
}

export const importMessages: Record<'fi' | 'sv' | 'en', ImportMessages> = {
  fi: {
    tab: 'Ajanvaraukset',
    title: 'Tuo ajanvaraukset tiedostosta',
    hint: 'Ajanvarausjärjestelmän vienti iCalendar- (.ics) tai CSV-tiedostona. Tiedosto tuodaan kokonaan tai ei lainkaan, ja sama tiedosto uudelleen ei muuta mitään. Nimiä ja muita tietoja asiakkaasta ei tallenneta.',
    file: 'Tiedosto',
    format: 'Muoto',
    formats: { ics: 'iCalendar (.ics)', csv: 'CSV' },
    defaultService: 'Palvelu .ics-tapahtumille, joissa sitä ei ole merkitty',
    noDefault: '(ei oletusta)',
    preview: 'Esikatsele',
    import: 'Tuo ajanvaraukset',
    chooseFile: 'Valitse ensin tiedosto.',
    tooLarge: 'Tiedosto on liian suuri (enintään 1 000 000 merkkiä). Tuo päivä tai viikko kerrallaan.',
    previewTitle: 'Esikatselu: mitään ei ole vielä tallennettu',
    doneTitle: 'Ajanvaraukset tuotu',
    counts: (c) => `Uusia ${c.created}, siirrettyjä ${c.moved}, peruttuja ${c.cancelled}, ennallaan ${c.unchanged}`,
    problemsTitle: (n) => `Tiedostoa ei tuotu, mitään ei tallennettu: ${n} ${n === 1 ? 'virhe' : 'virhettä'}`,
    line: 'Rivi',
    bookingId: 'Varaustunnus',
    time: 'Aika',
    change: 'Muutos',
    changes: { created: 'uusi', moved: 'siirretty', cancelled: 'peruttu', unchanged: 'ennallaan' },
    code: 'Koodi',
    problem: 'Virhe',
  },
  sv: {
    tab: 'Tidsbokningar',
    title: 'Importera tidsbokningar från en fil',
    hint: 'Bokningssystemets export som iCalendar- (.ics) eller CSV-fil. Filen importeras helt eller inte alls, och samma fil på nytt ändrar ingenting. Namn och andra uppgifter om kunden sparas inte.',
    file: 'Fil',
    format: 'Format',
    formats: { ics: 'iCalendar (.ics)', csv: 'CSV' },
    defaultService: 'Tjänst för .ics-händelser som inte anger någon',
    noDefault: '(ingen standard)',
    preview: 'Förhandsgranska',
    import: 'Importera tidsbokningar',
    chooseFile: 'Välj först en fil.',
    tooLarge: 'Filen är för stor (högst 1 000 000 tecken). Importera en dag eller en vecka åt gången.',
    previewTitle: 'Förhandsgranskning: ingenting har sparats ännu',
    doneTitle: 'Tidsbokningarna har importerats',
    counts: (c) => `Nya ${c.created}, flyttade ${c.moved}, avbokade ${c.cancelled}, oförändrade ${c.unchanged}`,
    problemsTitle: (n) => `Filen importerades inte, ingenting sparades: ${n} fel`,
    line: 'Rad',
    bookingId: 'Boknings-id',
    time: 'Tid',
    change: 'Ändring',
    changes: { created: 'ny', moved: 'flyttad', cancelled: 'avbokad', unchanged: 'oförändrad' },
    code: 'Kod',
    problem: 'Fel',
  },
  en: {
    tab: 'Appointments',
    title: 'Import appointments from a file',
    hint: "A booking system's export as an iCalendar (.ics) or CSV file. The file is imported whole or not at all, and the same file again changes nothing. Names and other details of the visitor are not stored.",
    file: 'File',
    format: 'Format',
    formats: { ics: 'iCalendar (.ics)', csv: 'CSV' },
    defaultService: 'Service for .ics events that name none',
    noDefault: '(no default)',
    preview: 'Preview',
    import: 'Import appointments',
    chooseFile: 'Choose a file first.',
    tooLarge: 'The file is too large (at most 1,000,000 characters). Import a day or a week at a time.',
    previewTitle: 'Preview: nothing has been stored yet',
    doneTitle: 'Appointments imported',
    counts: (c) => `New ${c.created}, moved ${c.moved}, cancelled ${c.cancelled}, unchanged ${c.unchanged}`,
    problemsTitle: (n) => `The file was not imported, nothing was stored: ${n} ${n === 1 ? 'problem' : 'problems'}`,
    line: 'Line',
    bookingId: 'Booking id',
    time: 'Time',
    change: 'Change',
    changes: { created: 'new', moved: 'moved', cancelled: 'cancelled', unchanged: 'unchanged' },
    code: 'Code',
    problem: 'Problem',
  },
};
