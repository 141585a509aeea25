import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NetworkRole } from '@convene/shared-contracts';
import { forbidden, unauthenticated } from '../errors/domain-error.js';
import { ACCESS_KEY, TWO_FACTOR_SETUP_KEY, requestOf, type Access } from './access.decorators.js';

/** Global guard: enforces each handler's declared access. Object-level checks live in services. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const access =
      this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]) ??
      'signed-in';
    // Public operations are open to anyone, with or without a session, so they stay open here too.
    if (access === 'public') return true;
    const viewer = requestOf(context).viewer;
    if (!viewer) throw unauthenticated();
    if (
      viewer.twoFactorSetupRequired &&
      !this.reflector.getAllAndOverride<boolean | undefined>(TWO_FACTOR_SETUP_KEY, [
        context.getHandler(),
        context.getClass(),
      ])
    ) {
      throw forbidden('TWO_FACTOR_SETUP_REQUIRED', 'Set up two-factor sign-in to continue: your role needs it.');
    }
    if (access === 'network-admin' && viewer.networkRole !== NetworkRole.ADMIN) {
      throw forbidden('NETWORK_ADMIN_ONLY', 'Only network admins can do that.');
    }
    return true;
  }
}
