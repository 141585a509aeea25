import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Viewer, ViewerRequest } from './viewer.js';

export const ACCESS_KEY = 'convene:access';
export type Access = 'public' | 'signed-in' | 'network-admin';

/**
 * Every resolver and route declares who may call it. Signed-in is the default for anything
 * undeclared, so a forgotten declaration fails closed.
 */
export const Public = () => SetMetadata(ACCESS_KEY, 'public' satisfies Access);
export const SignedIn = () => SetMetadata(ACCESS_KEY, 'signed-in' satisfies Access);
export const NetworkAdminOnly = () => SetMetadata(ACCESS_KEY, 'network-admin' satisfies Access);

/**
 * Allowed to someone who must set up two-factor sign-in before anything else (their account, the
 * setup itself, signing out). Everything else answers FORBIDDEN with TWO_FACTOR_SETUP_REQUIRED.
 */
export const TWO_FACTOR_SETUP_KEY = 'convene:two-factor-setup';
export const DuringTwoFactorSetup = () => SetMetadata(TWO_FACTOR_SETUP_KEY, true);

export function requestOf(context: ExecutionContext): ViewerRequest & { res?: unknown } {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: ViewerRequest }>().req;
  }
  return context.switchToHttp().getRequest<ViewerRequest>();
}

/** The signed-in viewer (null on public operations when nobody is signed in). */
export const CurrentViewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Viewer | null => requestOf(context).viewer ?? null,
);
