export { freePort } from '@convene/server-testing';
