// `npm run load`: builds the server, then runs the capacity load test (test/load/run.mjs) with the
// options given, e.g. `npm run load -- --steps=250,500 --step-seconds=60`.
import { buildServer } from './build-server.mjs';

await buildServer();
await import('../test/load/run.mjs');
