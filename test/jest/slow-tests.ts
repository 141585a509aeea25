// Integration tests talk to PostgreSQL, Redis and argon2: allow them more than jest's 5 s.
import { jest } from '@jest/globals';

jest.setTimeout(30_000);
