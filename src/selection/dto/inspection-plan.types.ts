import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { DateTimeScalar } from '../../common/scalars/scalars';
import { NodeInterface } from '../../common/node';

@InputType({
  description:
    'What to draw for a random dual selection (双随机抽查): which bureau, sweep and category, how many premises, and the public seed.',
})
export class DrawInspectionPlanInput {
  @Field(() => ID, { description: 'UUID of the sweep (专项整治行动); it must be DRAFT or ACTIVE.' })
  @IsUUID('all')
  sweepId: string;

  @Field(() => ID, {
    description:
      'UUID of the bureau (执法单位) whose jurisdiction (its own premises and its descendants’) is drawn from and whose own officers are paired.',
  })
  @IsUUID('all')
  bureauId: string;

  @Field({
    description:
      'Code of a target category (整治对象类别) the sweep covers, e.g. PHARMACIST_CERTIFICATES; premises of its kinds are drawn.',
  })
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Z0-9_]{1,64}$/, { message: 'selection.categoryCode' })
  categoryCode: string;

  @Field(() => Int, {
    description:
      'How many premises to draw (抽取户数), 1 to 500; fewer come back when fewer exist.',
  })
  @IsInt()
  @Min(1)
  @Max(500)
  premisesCount: number;

  @Field({
    description:
      'The public random seed (随机种子), e.g. the lottery number announced that day; published with the plan so anyone can replay the draw. 1 to 200 characters.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  seed: string;
}

@ObjectType('InspectionPlanVisit', {
  description:
    'One drawn premises of a random dual selection plan (抽查对象) with the two officers paired with it (随机匹配执法人员).',
})
export class InspectionPlanVisitType {
  @Field(() => Int, { description: 'Position in drawing order, from 1.' })
  position: number;

  @Field({
    description:
      'True when no valid pair of officers existed for this premises (未匹配): fewer than two of the bureau’s officers were free of a recent inspection of it and different from the previous pair.',
  })
  unassigned: boolean;

  @Field({
    description:
      'Whether the visit is done (已检查): a non-voided inspection of this premises in the plan’s sweep and category was logged after the draw.',
  })
  done: boolean;

  planId: string;
  premisesId: string;
  officerIds: string[];
  inspectionId: string | null;
}

@ObjectType('InspectionPlan', {
  implements: () => [NodeInterface],
  description:
    'A random dual selection plan (双随机抽查计划, 双随机、一公开): premises drawn at random, weighted by risk level, each paired with two randomly matched officers. The seed, fingerprint and algorithm are published so anyone can replay the draw.',
})
export class InspectionPlanType {
  @Field(() => ID, { description: 'UUID of the plan.' })
  id: string;

  @Field(() => Int, {
    description: 'How many premises were asked for (抽取户数); `visits` may hold fewer.',
  })
  premisesCount: number;

  @Field({ description: 'The public random seed (随机种子) the draw used.' })
  seed: string;

  @Field(() => DateTimeScalar, { description: 'When the draw was made (抽取时间), UTC.' })
  drawnAt: Date;

  @Field({
    description:
      'Version of the draw algorithm (算法版本): generator, seeding and risk weights (D 8, C 4, B 2, A 1, ungraded 2).',
  })
  algorithm: string;

  @Field({
    description:
      'SHA-256 (hex) of the canonical inputs [algorithm, sweepId, bureauId, categoryCode, premisesCount, seed] (输入指纹); its first 128 bits seed the generator.',
  })
  inputsFingerprint: string;

  sweepId: string;
  bureauId: string;
  categoryId: string;
  drawnById: string;
}
