// Browser tests start the hub and Chromium: allow them a minute and a half each.
import { jest } from '@jest/globals';

jest.setTimeout(90_000);
