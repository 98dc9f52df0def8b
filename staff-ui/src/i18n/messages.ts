/** Every string of the staff console; one catalogue file per language (fi, sv, en, ar). */
export interface StaffMessages {
  nav: { console: string; reports: string; admin: string };
  appName: string;
  login: string;
  username: string;
  password: string;
  loginFailed: string;
  logout: string;
  language: string;
  /** The hub switcher in the header (users of more than one hub). */
  hubSwitch: { label: string; today: string; deskOpen: string; refused: string };
  desk: string;
  chooseDesk: string;
  servicesNow: string;
  openDesk: string;
  changeServices: string;
  closeDesk: string;
  takeBreak: string;
  endBreak: string;
  onBreak: string;
  deskClosed: string;
  waitingLines: string;
  nobodyWaiting: string;
  waited: (min: number) => string;
  overTarget: string;
  referredFrom: (agency: string, reason: string) => string;
  hasNote: string;
  callNext: string;
  call: string;
  recall: string;
  start: string;
  finish: string;
  noShow: string;
  returnToQueue: string;
  cancel: string;
  refer: string;
  currentVisitor: string;
  noCurrentVisitor: string;
  statusLabel: Record<string, string>;
  needs: { interpreter: (lang: string) => string; accessible: string; accompanied: string };
  visitLanguage: string;
  visitSoFar: string;
  referral: string;
  noteLabel: string;
  noteHidden: string;
  /** Under the note: who will read it, e.g. "Kela lukee tämän". */
  noteReader: (agency: string) => string;
  /** The choice of addressee when several agencies are in the referral. */
  noteFor: string;
  referTitle: string;
  planTitle: string;
  searchServices: string;
  chosenOrder: string;
  reason: string;
  reasons: Record<string, string>;
  placement: string;
  placements: Record<string, string>;
  sendReferral: string;
  close: string;
  offline: string;
  printerFailed: (name: string, error: string) => string;
  queueEmpty: string;
  shortcuts: string;
  guideView: string;
  planVisit: string;
  people: (n: number) => string;
  estimate: (min: number) => string;
  /** A key press refused while earlier actions still run, e.g. a second "call next". */
  waitMoment: string;
  /** A key press that cannot apply to the desk as it is, e.g. "start" with nobody called. */
  notNow: string;
  /** The hub overview (issue 13 §2): every agency's lines, figures only. */
  overviewTitle: string;
  overviewLine: string;
  overviewWaiting: string;
  overviewLongest: string;
  overviewDesks: string;
  minutes: (min: number) => string;
  /** A service that takes nobody at this moment (it may open later today). */
  closedNow: string;
  /** A service with no hours today at all, e.g. a pop-up on another day. */
  absentToday: string;
  nextVisitor: string;
  notReferred: string;
  /** On a waiting visitor whose need no open desk of their line meets (issue 11 §1). */
  noSuitableDesk: string;
  unmetNeeds: { accessible: string; language: (lang: string) => string };
  /** Why this desk may not call a visitor who asked for an accessible desk. */
  accessibleDeskOnly: string;

  myDay: string;
  served: string;
  averageTime: string;
  referredOn: string;
  /** The toggle for the tone when someone joins an empty line of this desk. */
  sound: string;
  /** Appointments in the console (issue 11 §1): the mark on a waiting visitor, e.g. "Ajanvaraus 10.30". */
  appointmentMark: (time: string) => string;
  /** The appointment goes ahead of walk-ins now. */
  appointmentDueNow: string;
  /** Checked in early: it goes ahead of walk-ins from this time. */
  appointmentDueAt: (time: string) => string;
  /** Checked in past the late limit: it waits as a walk-in. */
  appointmentLate: string;
  appointmentsTitle: string;
  noAppointments: string;
  appointmentTime: string;
  appointmentCode: string;
  appointmentService: string;
  appointmentStatus: string;
  appointmentStatuses: Record<string, string>;
  checkIn: string;
  /** After staff checked a visitor in: the number to give them. */
  checkedIn: (code: string, number: string) => string;
  followUp: string;
  followUpTitle: string;
  followUpService: string;
  followUpDate: string;
  followUpTime: string;
  followUpLength: string;
  followUpBook: string;
  /** Above the large code once booked: tell it to the visitor. */
  followUpCode: string;
  followUpWhen: (date: string, time: string) => string;
  /** The organisation's sign-in (OpenID Connect) on the login page. */
  oidc: {
    signIn: string;
    /** Above the password form when local passwords are off for all but the break-glass admins. */
    breakGlass: string;
    /** Why a sign-in was refused, by the code the server sent back; `other` for the rest. */
    errors: { OIDC_NOT_MAPPED: string; OIDC_LOGIN_FAILED: string; OIDC_UNAVAILABLE: string; FORBIDDEN: string; LOCAL_LOGIN_DISABLED: string; other: string };
  };
}
