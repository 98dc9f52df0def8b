// Zod-free, for the UIs' bundles.
export * from './languages.js';
export * from './ticket-words.js';
export * from './text.js';
export * from './push-words.js';
export * from './feedback-words.js';
