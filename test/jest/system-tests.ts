// System tests start and kill real processes and wait for recovery: allow them three minutes.
import { jest } from '@jest/globals';

jest.setTimeout(180_000);
