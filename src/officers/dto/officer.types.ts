import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ConnectionType, PageArgs } from '../../common/pagination/connection';
import { ROLES } from '../officer.entity';
import type { Role } from '../officer.entity';
import { NodeInterface } from '../../common/node';
import { NEW_PASSWORD_DESCRIPTION, NewPasswordField } from '../../auth/password-policy';

export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role, role])) as Record<Role, Role>;
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What an officer may do.',
  valuesMap: {
    INSPECTOR: {
      description:
        'Enforcement officer (执法人员): logs inspections and findings, orders rectification, records re-inspections, in their jurisdiction.',
    },
    SUPERVISOR: {
      description:
        'Head of a sub-bureau or county bureau (分局/县局负责人): an inspector who also files cases, decides penalties, transfers to police, closes findings and voids inspections.',
    },
    MANAGER: {
      description:
        'City leadership or sweep office (市局领导/专项办): records exposures, runs sweeps, reads everything.',
    },
    ADMIN: {
      description:
        'System administrator (系统管理员): manages bureaus and officers and imports premises.',
    },
  },
});

@ObjectType('Officer', {
  implements: () => [NodeInterface],
  description: 'An enforcement officer (执法人员) of one bureau.',
})
export class OfficerType {
  @Field(() => ID, { description: 'UUID of the officer.' })
  id: string;

  @Field({ description: 'Full name (姓名).' })
  name: string;

  @Field({ description: 'Enforcement certificate number (执法证号), unique; the login name.' })
  certificateNumber: string;

  @Field(() => [RoleEnum], { description: 'Roles held.' })
  roles: Role[];

  @Field({
    description:
      'False once deactivated: a deactivated officer cannot log in and their tokens stop working.',
  })
  active: boolean;

  bureauId: string;
}

@InputType({ description: 'A new officer (ADMIN only).' })
export class CreateOfficerInput {
  @Field({ description: 'Full name (姓名).' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name: string;

  @Field({
    description: 'Enforcement certificate number (执法证号): letters, digits, - or _, unique.',
  })
  @MaxLength(32)
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'validation.code32' })
  certificateNumber: string;

  @Field(() => ID, { description: 'The bureau the officer belongs to.' })
  @IsUUID('all', { message: 'validation.isUuid' })
  bureauId: string;

  @Field(() => [RoleEnum], { description: 'At least one role.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @NewPasswordField('At least 12 characters. Stored only as an Argon2id hash.')
  password: string;
}

@InputType({ description: 'A new password an ADMIN sets for an officer.' })
export class ResetOfficerPasswordInput {
  @Field(() => ID, { description: 'The officer.' })
  @IsUUID('all', { message: 'validation.isUuid' })
  officerId: string;

  @NewPasswordField(NEW_PASSWORD_DESCRIPTION)
  newPassword: string;
}

@ObjectType({
  description:
    'Result of createOfficer, deactivateOfficer, reactivateOfficer or resetOfficerPassword.',
})
export class OfficerPayload {
  @Field(() => OfficerType, { description: 'The officer as stored.' })
  officer: OfficerType;
}

@InputType({ description: 'Conditions of the officers list; all given conditions must hold.' })
export class OfficerFilter {
  @Field(() => ID, { nullable: true, description: 'This bureau and its descendants.' })
  @IsOptional()
  @IsUUID('all', { message: 'validation.isUuid' })
  bureauId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "The caller's own bureau only." })
  @IsOptional()
  @IsBoolean()
  myBureau?: boolean | null;

  @Field(() => [RoleEnum], { nullable: true, description: 'Officers holding any of these roles.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles?: Role[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only active (or only deactivated) ones.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Matches name or certificate number, in part.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;
}

@ArgsType()
export class OfficersArgs extends PageArgs {
  @Field(() => OfficerFilter, { nullable: true, description: 'Which officers; none lists all.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OfficerFilter)
  filter?: OfficerFilter | null;
}

@ArgsType()
export class BureauOfficersArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only active (or only deactivated) ones.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}

export const OfficerConnection = ConnectionType(
  OfficerType,
  'Officer',
  'officers (执法人员), by name then id',
);
