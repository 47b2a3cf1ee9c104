import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { Role } from '../officers/officer.entity';
import { Scope } from '../common/scope';
import type { CurrentOfficer } from './current-officer';

export const PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';

/** The handler needs no login (login itself, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** The handler needs one of these roles. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);

export type AuthenticatedRequest = Request & { officer?: CurrentOfficer };

export function requestOf(context: ExecutionContext): AuthenticatedRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
  }
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}

/** The logged-in officer, set by the auth guard. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CurrentOfficer => {
    const officer = requestOf(context).officer;
    if (!officer) throw new Error('CurrentUser() used on a public handler');
    return officer;
  },
);

/** The logged-in officer's jurisdiction, the argument every scoped repository read takes. */
export const CurrentScope = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Scope => {
    const officer = requestOf(context).officer;
    if (!officer) throw new Error('CurrentScope() used on a public handler');
    return Scope.of(officer);
  },
);
