import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../../common/scalars/scalars';
import { PREMISES_KINDS } from '../target-category.entity';
import type { PremisesKind } from '../target-category.entity';
import { SEVERITIES } from '../violation-type.entity';
import type { Severity } from '../violation-type.entity';
import { NodeInterface } from '../../common/node';

export const PremisesKindEnum = Object.fromEntries(
  PREMISES_KINDS.map((kind) => [kind, kind]),
) as Record<PremisesKind, PremisesKind>;
registerEnumType(PremisesKindEnum, {
  name: 'PremisesKind',
  description: 'Kind of premises (市场主体类型).',
  valuesMap: {
    FOOD_PRODUCER: { description: 'Licensed food producer (食品生产企业).' },
    FOOD_WORKSHOP: { description: 'Small food workshop (食品小作坊).' },
    FOOD_RETAILER: { description: 'Food shop or supermarket (食品销售者).' },
    CATERING: { description: 'Restaurant or caterer (餐饮服务).' },
    SCHOOL_CANTEEN: { description: 'School canteen (学校食堂).' },
    CAMPUS_SHOP: { description: 'Shop in or around a school (校园及周边商店).' },
    PHARMACY: { description: 'Retail pharmacy (零售药店).' },
    VACCINATION_SITE: { description: 'Vaccination site (预防接种单位).' },
    VACCINE_DISTRIBUTOR: { description: 'Vaccine distributor or storage (疫苗配送储存单位).' },
    AGRI_INPUT_DEALER: { description: 'Dealer in pesticides, fertiliser or seed (农资经营者).' },
    OTHER: { description: 'Any other premises (其他).' },
  },
});

export const SeverityEnum = Object.fromEntries(
  SEVERITIES.map((severity) => [severity, severity]),
) as Record<Severity, Severity>;
registerEnumType(SeverityEnum, {
  name: 'Severity',
  description: 'How serious a finding is (严重程度).',
  valuesMap: {
    MINOR: { description: 'Minor (一般).' },
    MAJOR: { description: 'Major (较重).' },
    CRITICAL: { description: 'Critical (严重).' },
  },
});

@ObjectType('ViolationType', { description: 'A kind of violation (问题类型), reference data.' })
export class ViolationTypeType {
  @Field({ description: 'Stable code, e.g. UNLICENSED_PRODUCTION.' })
  code: string;

  @Field({ description: 'Chinese name, e.g. 无证生产.' })
  name: string;

  @Field(() => SeverityEnum, {
    description: 'Severity a finding of this type gets unless the inspector says otherwise.',
  })
  defaultSeverity: Severity;

  @Field({ description: 'Legal basis (法律依据), e.g. 《食品安全法》第一百二十二条.' })
  legalBasis: string;
}

@ObjectType('ChecklistItem', { description: 'One point of a category checklist (检查要点).' })
export class ChecklistItemType {
  @Field({ description: 'Item code, unique within its category, e.g. SFP-01.' })
  code: string;

  @Field({ description: 'The question the inspector answers, in Chinese.' })
  question: string;

  @Field(() => ViolationTypeType, { description: 'The violation a FAIL answer points to.' })
  failViolationType: ViolationTypeType;
}

@ObjectType('TargetCategory', {
  implements: () => [NodeInterface],
  description: 'A target category of sweeps (整治对象类别): reference data, not an enum.',
})
export class TargetCategoryType {
  @Field(() => ID, { description: 'UUID of the category.' })
  id: string;

  @Field({ description: 'Stable code, e.g. SEASONED_FLOUR_PRODUCTS.' })
  code: string;

  @Field({ description: 'Chinese name, e.g. 调味面制品.' })
  name: string;

  @Field(() => [PremisesKindEnum], {
    description: 'Kinds of premises an inspection under this category may visit.',
  })
  premisesKinds: PremisesKind[];

  @Field(() => [ChecklistItemType], { description: 'The checklist template (检查要点), in order.' })
  checklist: ChecklistItemType[];
}

@ObjectType('LegalBasis', {
  description:
    'The legal basis (法律依据) a finding cites: the provision in force on the day it was found, of its checklist item (检查要点) or, by default, of its violation type.',
})
export class LegalBasisType {
  @Field({ description: 'The provision, e.g. 《农药管理条例》第二十六条、第二十七条.' })
  basis: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The authority that enforces it when it is not market regulation (e.g. 农业农村主管部门): the matter is transferred to it.',
  })
  authority: string | null;

  @Field(() => DateScalar, { description: 'First day in force.' })
  validFrom: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day in force; null while it is.' })
  validUntil: string | null;
}
