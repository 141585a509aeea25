export * from './enums.js';
export * from './errors.js';
export * from './limits.js';
export * from './socket-events.js';
export * from './notification-preferences.js';
export * from './form-texts.js';
