import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { OfficersService } from '../officers/officers.service';
import { AuthService } from './auth.service';
import { Public } from './decorators';
import { LoginInput, LoginPayload } from './dto/login.types';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly officers: OfficersService,
  ) {}

  @Mutation(() => LoginPayload, {
    description:
      'Logs an officer in. Wrong credentials or a deactivated officer are UNAUTHENTICATED.',
  })
  @Public()
  async login(@Args('input') input: LoginInput): Promise<LoginPayload> {
    const { accessToken, expiresAt, officerId } = await this.auth.login(
      input.certificateNumber,
      input.password,
    );
    return { accessToken, expiresAt, officer: await this.officers.findById(officerId) };
  }
}
