import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/context';
import { AuthService } from './auth.service';
import type { CurrentOfficer } from './current-officer';
import { CurrentUser, Public } from './decorators';
import {
  ChangePasswordInput,
  ChangePasswordPayload,
  LoginInput,
  LoginPayload,
} from './dto/login.types';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => LoginPayload, {
    description:
      'Logs an officer in. Wrong credentials or a deactivated officer are UNAUTHENTICATED; after 5 attempts for one certificate number from one address (or 30 from one address; IPv6 addresses count by their /64) within 5 minutes, and past 10 failures of a certificate from all addresses more often than once per 15 seconds, TOO_MANY_REQUESTS with extensions.retryAfterSeconds. Certificate numbers compare without case and surrounding spaces.',
  })
  @Public()
  login(
    @Args('input', { description: 'Certificate number (执法证号) and password.' })
    input: LoginInput,
    @Context() context: GraphQLContext,
  ): Promise<LoginPayload> {
    return this.auth.login(input.certificateNumber, input.password, clientAddressOf(context));
  }

  @Mutation(() => ChangePasswordPayload, {
    description:
      "Changes the logged-in officer's own password, given the current one (a wrong one is BAD_USER_INPUT on input.currentPassword, counted like a failed login). The new password has at least 12 characters, does not contain the certificate number and is not a common password. Every earlier token of the officer stops working at once; use the token returned.",
  })
  changePassword(
    @Args('input', { description: 'The current password and the new one.' })
    input: ChangePasswordInput,
    @CurrentUser() officer: CurrentOfficer,
    @Context() context: GraphQLContext,
  ): Promise<ChangePasswordPayload> {
    return this.auth.changePassword(
      officer,
      input.currentPassword,
      input.newPassword,
      clientAddressOf(context),
    );
  }
}

function clientAddressOf(context: GraphQLContext): string {
  return context.req.ip ?? context.req.socket.remoteAddress ?? 'unknown';
}
