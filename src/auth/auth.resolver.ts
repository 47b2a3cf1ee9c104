import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/context';
import { AuthService } from './auth.service';
import { Public } from './decorators';
import { LoginInput, LoginPayload } from './dto/login.types';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => LoginPayload, {
    description:
      'Logs an officer in. Wrong credentials or a deactivated officer are UNAUTHENTICATED; after 5 failures for one certificate number from one address (or 30 from one address) within 5 minutes, TOO_MANY_REQUESTS with extensions.retryAfterSeconds.',
  })
  @Public()
  login(
    @Args('input', { description: 'Certificate number (执法证号) and password.' })
    input: LoginInput,
    @Context() context: GraphQLContext,
  ): Promise<LoginPayload> {
    const clientAddress = context.req.ip ?? context.req.socket.remoteAddress ?? 'unknown';
    return this.auth.login(input.certificateNumber, input.password, clientAddress);
  }
}
