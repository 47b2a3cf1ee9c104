import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { DateTimeScalar } from '../../common/scalars/scalars';
import { OfficerType } from '../../officers/dto/officer.types';
import { NEW_PASSWORD_DESCRIPTION, NewPasswordField } from '../password-policy';

@InputType({ description: 'Credentials of an officer.' })
export class LoginInput {
  @Field({ description: 'Enforcement certificate number (执法证号).' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  certificateNumber: string;

  @Field({ description: 'The password.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

@ObjectType({ description: 'A signed access token and the officer it belongs to.' })
export class LoginPayload {
  @Field({ description: 'JWT (HS256) to send as `Authorization: Bearer <accessToken>`.' })
  accessToken: string;

  @Field(() => DateTimeScalar, { description: 'When the token expires (UTC).' })
  expiresAt: Date;

  @Field(() => OfficerType, { description: 'The officer logged in.' })
  officer: OfficerType;
}

@InputType({ description: "The logged-in officer's current password and a new one." })
export class ChangePasswordInput {
  @Field({ description: 'The current password.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword: string;

  @NewPasswordField(NEW_PASSWORD_DESCRIPTION)
  newPassword: string;
}

@ObjectType({
  description: 'A new access token after a password change; earlier tokens no longer work.',
})
export class ChangePasswordPayload {
  @Field({ description: 'JWT (HS256) to send as `Authorization: Bearer <accessToken>`.' })
  accessToken: string;

  @Field(() => DateTimeScalar, { description: 'When the token expires (UTC).' })
  expiresAt: Date;
}
