import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { InputError } from '@convene/server-core';

// A lone surrogate cannot be written as UTF-8; in `u` mode a proper pair is one character and does not match.
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * The first field path holding a character PostgreSQL cannot store: NUL (refused in text and
 * jsonb) or a lone surrogate (refused in jsonb, e.g. the answers to a form's questions).
 */
function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], path);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findNul(inner, key);
      if (found) return found;
    }
  }
  return null;
}

/**
 * A safety net under every service's own validation: no argument carrying a NUL character or a
 * lone surrogate reaches a service (it would otherwise surface as a database error).
 */
@Injectable()
export class RejectNulPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const field = findNul(value, metadata.data ?? 'input');
    if (field) throw new InputError({ [field]: 'Contains characters that are not allowed.' });
    return value;
  }
}
