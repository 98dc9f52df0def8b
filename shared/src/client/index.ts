export * from './http.js';
export * from './realtime.js';
