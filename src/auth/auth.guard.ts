import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Forbidden, Unauthenticated } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import type { Role } from '../officers/officer.entity';
import { AuthService } from './auth.service';
import { PUBLIC_KEY, requestOf, ROLES_KEY } from './decorators';

/**
 * Global guard: every resolver and route needs a valid bearer token unless marked @Public(), and
 * one of the roles of @Roles() when it has them.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = requestOf(context);
    if (!request.officer) {
      const header = request.headers.authorization ?? '';
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new Unauthenticated();
      request.officer = {
        ...(await this.auth.authenticate(match[1])),
        requestId: typeof request.id === 'string' ? request.id : undefined,
      };
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles?.length && !request.officer.roles.some((role: Role) => roles.includes(role))) {
      throw new Forbidden(message('error.forbiddenRoles', { roles }));
    }
    return true;
  }
}
