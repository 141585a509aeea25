/**
 * Whether someone holds a role that needs two-factor sign-in, as other domains know it (the
 * groups domain: convenor of a group). They register a check here when their module starts, so
 * identity does not read their tables.
 */
export class ElevatedRoles {
  private readonly checks: ((userId: string) => Promise<boolean>)[] = [];

  register(check: (userId: string) => Promise<boolean>): void {
    this.checks.push(check);
  }

  async held(userId: string): Promise<boolean> {
    for (const check of this.checks) if (await check(userId)) return true;
    return false;
  }
}
