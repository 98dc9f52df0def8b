import { ApiError } from '@luukku/shared/http';

/** The words of the journey's settings in the admin pages (issue 11), and the server's error codes as the admin reads them. */
export interface JourneyMessages {
  windowTitle: string;
  windowHint: string;
  earlyMin: string;
  lateMin: string;
  pushTitle: string;
  pushHint: string;
  pushAhead: string;
  bookingTitle: string;
  bookingHint: string;
  create: string;
  chooseAgency: string;
  token: string;
  tokenHint: string;
  tokenStored: string;
  copy: string;
  copied: string;
  /** Server error codes in the admin's language; a code not here shows the server's own message. */
  errors: Partial<Record<string, string>>;
}

export const journeyMessages: Record<'fi' | 'sv' | 'en', JourneyMessages> = {
  fi: {
    windowTitle: 'Ajanvarausten aikaikkuna',
    windowHint:
      'Kioskilla ilmoittautunut ajanvarausasiakas kutsutaan ennen jonottajia, kun hänen aikaansa on enintään näin monta minuuttia. Jos hän tulee myöhemmin kuin myöhästymisraja sallii, hän siirtyy jonoon ilmoittautumisaikansa mukaan.',
    earlyMin: 'Etuajassa enintään (min)',
    lateMin: 'Myöhässä enintään (min)',
    pushTitle: 'Ilmoitus puhelimeen vuoron lähestyessä',
    pushHint: 'Asiakas, joka on tilannut ilmoituksen, saa sen, kun edellä on enää näin monta. 0: kun hän on seuraavana.',
    pushAhead: 'Ilmoita, kun edellä on enintään (henkilöä)',
    bookingTitle: 'Ajanvarausjärjestelmän tunnus',
    bookingHint: 'Toimijan ajanvarausjärjestelmä lähettää ajat Luukkuun rajapinnan kautta (POST /api/appointments) tällä tunnuksella, vain oman toimijansa palveluihin. Tunnus näytetään vain kerran.',
    create: 'Luo tunnus',
    chooseAgency: '(valitse toimija)',
    token: 'Tunnus, näytetään vain nyt',
    tokenHint: 'Kopioi tunnus nyt ajanvarausjärjestelmän asetuksiin. Sitä ei voi näyttää uudelleen: jos se katoaa, poista laite käytöstä ja luo uusi.',
    tokenStored: 'Tunnus on tallessa',
    copy: 'Kopioi',
    copied: 'Kopioitu.',
    errors: {
      VALIDATION_FAILED: 'Arvo ei kelpaa. Tarkista kentät.',
      UNAUTHENTICATED: 'Istunto on päättynyt. Kirjaudu uudelleen.',
      FORBIDDEN: 'Sinulla ei ole oikeutta tähän.',
      NOT_FOUND: 'Kohdetta ei löydy. Lataa sivu uudelleen.',
      DEVICE_NOT_FOUND: 'Laitetta ei löydy. Lataa sivu uudelleen.',
      CROSS_SITE_REQUEST: 'Pyyntö hylättiin. Lataa sivu uudelleen.',
      RATE_LIMITED: 'Liian monta pyyntöä. Odota hetki.',
      NETWORK: 'Palvelimeen ei saada yhteyttä. Yritä uudelleen.',
      INTERNAL: 'Palvelimella tapahtui virhe. Yritä uudelleen.',
    },
  },
  sv: {
    windowTitle: 'Tidsbokningarnas tidsfönster',
    windowHint:
      'En kund med bokad tid som anmält sig vid kiosken kallas före dem som köar när det är högst så här många minuter kvar till tiden. Kommer kunden senare än gränsen för försening tillåter, ställs hen i kön enligt anmälningstiden.',
    earlyMin: 'Högst så här tidigt (min)',
    lateMin: 'Högst så här sent (min)',
    pushTitle: 'Avisering till telefonen när turen närmar sig',
    pushHint: 'En kund som beställt avisering får den när högst så här många är före i kön. 0: när hen står näst på tur.',
    pushAhead: 'Avisera när högst så här många är före (personer)',
    bookingTitle: 'Token för bokningssystem',
    bookingHint: 'Aktörens bokningssystem skickar tider till Luukku via gränssnittet (POST /api/appointments) med denna token, bara till aktörens egna tjänster. Token visas bara en gång.',
    create: 'Skapa token',
    chooseAgency: '(välj aktör)',
    token: 'Token, visas bara nu',
    tokenHint: 'Kopiera token till bokningssystemets inställningar nu. Den kan inte visas igen: om den försvinner, ta enheten ur bruk och skapa en ny.',
    tokenStored: 'Token är sparad',
    copy: 'Kopiera',
    copied: 'Kopierat.',
    errors: {
      VALIDATION_FAILED: 'Värdet godtas inte. Kontrollera fälten.',
      UNAUTHENTICATED: 'Sessionen har gått ut. Logga in igen.',
      FORBIDDEN: 'Du har inte rätt till detta.',
      NOT_FOUND: 'Hittades inte. Ladda om sidan.',
      DEVICE_NOT_FOUND: 'Enheten hittades inte. Ladda om sidan.',
      CROSS_SITE_REQUEST: 'Begäran avvisades. Ladda om sidan.',
      RATE_LIMITED: 'För många förfrågningar. Vänta en stund.',
      NETWORK: 'Ingen kontakt med servern. Försök igen.',
      INTERNAL: 'Ett fel inträffade på servern. Försök igen.',
    },
  },
  en: {
    windowTitle: 'Appointment window',
    windowHint:
      'A visitor with an appointment who has checked in at the kiosk is called ahead of walk-ins from this many minutes before their time. One who comes later than the late limit joins the line at their check-in time.',
    earlyMin: 'At most this early (min)',
    lateMin: 'At most this late (min)',
    pushTitle: 'Phone notification as the turn nears',
    pushHint: 'A visitor who asked to be notified is told when this many people or fewer are ahead. 0: when they are next.',
    pushAhead: 'Notify when this many are ahead (people)',
    bookingTitle: 'Booking system token',
    bookingHint: "An agency's booking system sends appointments to Luukku through the API (POST /api/appointments) with this token, for its own agency's services only. The token is shown only once.",
    create: 'Create token',
    chooseAgency: '(choose an agency)',
    token: 'Token, shown only now',
    tokenHint: "Copy the token into the booking system's settings now. It cannot be shown again: if it is lost, revoke the device and create a new one.",
    tokenStored: 'The token is stored',
    copy: 'Copy',
    copied: 'Copied.',
    errors: {
      VALIDATION_FAILED: 'The value is not accepted. Check the fields.',
      UNAUTHENTICATED: 'Your session has ended. Log in again.',
      FORBIDDEN: 'You may not do this.',
      NOT_FOUND: 'Not found. Reload the page.',
      DEVICE_NOT_FOUND: 'No such device. Reload the page.',
      CROSS_SITE_REQUEST: 'The request was refused. Reload the page.',
      RATE_LIMITED: 'Too many requests. Wait a moment.',
      NETWORK: 'The server cannot be reached. Try again.',
      INTERNAL: 'The server had a problem. Try again.',
    },
  },
};

/** A failed request as the admin reads it: the code in their language; a rejected value also says which field, in the server's words. */
export function adminErrorText(err: unknown, language: 'fi' | 'sv' | 'en'): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const said = journeyMessages[language].errors[err.code];
  if (said === undefined) return err.message;
  return err.code === 'VALIDATION_FAILED' && err.message ? `${said} (${err.message})` : said;
}
