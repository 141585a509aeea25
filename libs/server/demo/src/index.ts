export { DEMO_ACCOUNTS, seedDemoData } from './demo-seed.js';
