import { LIMITS } from '@convene/shared-contracts';

/** "Health and Social Care" → "health-and-social-care" (Latin letters only; others need typing). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LIMITS.groupSlugMax)
    .replace(/-+$/g, '');
}
