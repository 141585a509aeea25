export { useTestEnvironment, TEST_PASSWORD } from './test-environment.js';
export { openTestOrm, testEntities } from './test-database.js';
export { TestData } from './test-data.js';
export { clearRedisPrefix } from './redis-cleanup.js';
export { pdf, png, random, sha256, text } from './sample-files.js';
export { MetricsScrape } from './metrics-scrape.js';
export { freePort } from './free-port.js';
