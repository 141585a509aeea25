/** The public address of a pitch form, as partners will see it. */
export function publicFormUrl(slug: string): string {
  return `${window.location.origin}/pitch/${slug}`;
}
