export { openDatabase, migrate, loadMigrations, type Db, type Migration } from './open.js';
export { createQueries, type Queries } from './queries.js';
export { backupDatabase, backupFileName, rotateBackups } from './backup.js';
export type { StepChanges } from './queries/visits.js';
export type * from './records.js';
export { isStorageFault, storageProbe } from './storage.js';
export type { PushSubscriptionRecord, NudgeKind } from './queries/push.js';
export type { FeedbackAnswer, FeedbackEntry, FeedbackPath, FeedbackRow, FeedbackSource } from './queries/feedback.js';
export type { AppointmentRecord, AppointmentBooking } from './queries/appointments.js';
