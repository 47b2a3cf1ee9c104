import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../../common/scalars/scalars';
import { PremisesKindEnum } from '../../reference/dto/reference.types';
import type { PremisesKind } from '../../reference/target-category.entity';
import { LICENCE_KINDS, RISK_LEVELS } from '../premises.entity';
import type { LicenceKind, RiskLevel } from '../premises.entity';
import { NodeInterface } from '../../common/node';

export const RiskLevelEnum = Object.fromEntries(
  RISK_LEVELS.map((level) => [level, level]),
) as Record<RiskLevel, RiskLevel>;
registerEnumType(RiskLevelEnum, {
  name: 'RiskLevel',
  description: 'Risk grade of a premises (风险分级), A lowest to D highest.',
  valuesMap: {
    A: { description: 'Low risk (A级).' },
    B: { description: 'Moderate risk (B级).' },
    C: { description: 'High risk (C级).' },
    D: { description: 'Very high risk (D级).' },
  },
});

export const LicenceKindEnum = Object.fromEntries(
  LICENCE_KINDS.map((kind) => [kind, kind]),
) as Record<LicenceKind, LicenceKind>;
registerEnumType(LicenceKindEnum, {
  name: 'LicenceKind',
  description: 'Kind of licence (许可证类型).',
  valuesMap: {
    FOOD_PRODUCTION: {
      description: 'Food production licence (食品生产许可证): SC followed by 14 digits.',
    },
    FOOD_TRADING: { description: 'Food trading licence (食品经营许可证).' },
    DRUG_TRADING: { description: 'Drug trading licence (药品经营许可证).' },
    PESTICIDE_TRADING: { description: 'Pesticide trading licence (农药经营许可证).' },
    OTHER: { description: 'Any other licence.' },
  },
});

@ObjectType('Licence', { description: 'A licence (许可证) held by a premises.' })
export class LicenceType {
  @Field(() => LicenceKindEnum, { description: 'Kind of licence.' })
  kind: LicenceKind;

  @Field({ description: 'Licence number, e.g. SC10664010000123 for food production.' })
  number: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of validity (Asia/Shanghai), when known.',
  })
  validUntil: string | null;
}

@ObjectType('Premises', {
  implements: () => [NodeInterface],
  description:
    'A premises (市场主体/检查对象): a business or site that can be inspected. Inspectors and supervisors see only those of their jurisdiction.',
})
export class PremisesType {
  @Field(() => ID, { description: 'UUID of the premises.' })
  id: string;

  @Field({ description: 'Name (名称).' })
  name: string;

  @Field(() => PremisesKindEnum, { description: 'Kind of premises.' })
  kind: PremisesKind;

  @Field({ description: 'Address (地址).' })
  address: string;

  @Field(() => Float, { nullable: true, description: 'Latitude in degrees (WGS 84).' })
  latitude: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude in degrees (WGS 84).' })
  longitude: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Unified social credit code (统一社会信用代码, GB 32100-2015); street stalls may have none.',
  })
  creditCode: string | null;

  @Field(() => [LicenceType], { description: 'Licences held (许可证).' })
  licences: LicenceType[];

  @Field(() => RiskLevelEnum, {
    nullable: true,
    description: 'Risk grade (风险分级), when graded.',
  })
  riskLevel: RiskLevel | null;

  @Field(() => [String], {
    description:
      'Registration numbers of the licensed pharmacists (执业药师注册证号) registered at a pharmacy; empty for other kinds.',
  })
  pharmacistRegistrations: string[];

  bureauId: string;
}
