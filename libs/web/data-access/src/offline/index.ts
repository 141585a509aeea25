// What the service worker and the pages share. The worker imports this entry alone
// (`@convene/web-data-access/offline`), so it stays free of the app's code.
export * from './offline-copies';
export * from './sw-contract';
