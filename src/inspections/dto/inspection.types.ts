import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar, MoneyScalar } from '../../common/scalars/scalars';
import { SeverityEnum } from '../../reference/dto/reference.types';
import type { Severity } from '../../reference/violation-type.entity';
import { FINDING_STATUSES } from '../finding.entity';
import type { FindingStatus } from '../finding.entity';
import { CHECKLIST_RESULTS, INSPECTION_OUTCOMES } from '../inspection.entity';
import type { ChecklistResult, InspectionOutcome } from '../inspection.entity';
import { NodeInterface } from '../../common/node';
import { ProductLotType } from '../../products/dto/product-lot.dto';

export const InspectionOutcomeEnum = Object.fromEntries(
  INSPECTION_OUTCOMES.map((value) => [value, value]),
) as Record<InspectionOutcome, InspectionOutcome>;
registerEnumType(InspectionOutcomeEnum, {
  name: 'InspectionOutcome',
  description: 'How an inspection ended (检查结果).',
  valuesMap: {
    COMPLIANT: { description: 'No problem found (未发现问题).' },
    ISSUES_FOUND: { description: 'Problems found (发现问题).' },
    PREMISES_CLOSED: { description: 'Premises closed or gone (停业/关闭).' },
    REFUSED_ENTRY: { description: 'Inspection refused (拒绝检查).' },
  },
});

export const ChecklistResultEnum = Object.fromEntries(
  CHECKLIST_RESULTS.map((value) => [value, value]),
) as Record<ChecklistResult, ChecklistResult>;
registerEnumType(ChecklistResultEnum, {
  name: 'ChecklistResult',
  description: 'Answer to a checklist item.',
  valuesMap: {
    PASS: { description: 'Meets the requirement (符合).' },
    FAIL: { description: 'Does not meet it (不符合); points to the item’s violation type.' },
    NOT_APPLICABLE: { description: 'Does not apply here (不适用).' },
  },
});

export const FindingStatusEnum = Object.fromEntries(
  FINDING_STATUSES.map((value) => [value, value]),
) as Record<FindingStatus, FindingStatus>;
registerEnumType(FindingStatusEnum, {
  name: 'FindingStatus',
  description:
    'Where a finding stands (处置状态): the case track once a filing decision exists, else the rectification track.',
  valuesMap: {
    OPEN: { description: 'Found, no decision yet (待处置).' },
    RECTIFYING: { description: 'Rectification ordered, deadline running (整改中).' },
    RESOLVED: {
      description:
        'Rectified, confirmed by a passed re-inspection (已整改); a filing decision is still due.',
    },
    CASE_FILED: { description: 'In a case filed, not decided yet (已立案).' },
    PENALIZED: { description: 'Its case is decided (已作出处理决定).' },
    CLOSED: { description: 'Its case is closed (已结案).' },
    TRANSFERRED: {
      description:
        'With another authority (已移送): its case until the outcome, or the finding handed to the police without a case.',
    },
    NOT_FILED: { description: 'Not filed as a case (不予立案, 程序规定 第十九、二十条).' },
  },
});

@ObjectType('ChecklistAnswer', { description: 'An answer to one checklist item (检查要点).' })
export class ChecklistAnswerType {
  @Field({ description: 'Code of the checklist item, e.g. SFP-01.' })
  itemCode: string;

  @Field(() => ChecklistResultEnum, { description: 'The answer.' })
  result: ChecklistResult;

  @Field(() => String, { nullable: true, description: 'Inspector’s note.' })
  note: string | null;
}

@ObjectType('Goods', { description: 'Goods removed from sale or seized (下架、查扣).' })
export class GoodsType {
  @Field(() => Float, { description: 'Quantity in `unit`.' })
  quantity: number;

  @Field({ description: 'Unit: kg, piece, box, bottle, bag…' })
  unit: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Value in yuan (货值, 元).' })
  value: string | null;
}

@ObjectType('Evidence', {
  description: 'Metadata of a photo or document (证据); the file lives in object storage.',
})
export class EvidenceType {
  @Field({ description: 'Original file name.' })
  fileName: string;

  @Field({ description: 'Media type, e.g. image/jpeg or application/pdf.' })
  mediaType: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  sizeBytes: number;

  @Field({ description: 'SHA-256 of the file, lowercase hex.' })
  sha256: string;
}

@ObjectType('Inspection', {
  implements: () => [NodeInterface],
  description:
    'An inspection (检查记录): one visit to one premises within one sweep and category, by at least two officers. Never deleted; voided with a reason instead.',
})
export class InspectionType {
  @Field(() => ID, { description: 'UUID of the inspection.' })
  id: string;

  @Field(() => DateTimeScalar, {
    description: 'When the visit happened, as the device recorded it (UTC).',
  })
  inspectedAt: Date;

  @Field(() => DateTimeScalar, { description: 'When the server received it (UTC).' })
  recordedAt: Date;

  @Field(() => InspectionOutcomeEnum, { description: 'How it ended.' })
  outcome: InspectionOutcome;

  @Field(() => [ChecklistAnswerType], { description: 'Checklist answers, in the order given.' })
  checklist: ChecklistAnswerType[];

  @Field(() => String, { nullable: true, description: 'Free notes.' })
  notes: string | null;

  @Field({
    description:
      'Whether a supervisor voided it (作废); voided inspections and their findings drop out of lists and statistics.',
  })
  voided: boolean;

  @Field(() => String, { nullable: true, description: 'Why it was voided.' })
  voidReason: string | null;

  sweepId: string;
  categoryId: string;
  premisesId: string;
  bureauId: string;
  officerIds: string[];
}

@ObjectType('Finding', {
  implements: () => [NodeInterface],
  description:
    'A problem found during an inspection (发现问题); its status follows its follow-ups (后续处置).',
})
export class FindingType {
  @Field(() => ID, { description: 'UUID of the finding.' })
  id: string;

  @Field(() => FindingStatusEnum, { description: 'Where it stands in the follow-up workflow.' })
  status: FindingStatus;

  @Field(() => SeverityEnum, { description: 'Severity (严重程度).' })
  severity: Severity;

  @Field(() => Int, {
    description:
      'Version for optimistic concurrency: pass it as `expectedVersion` to follow-up mutations.',
  })
  version: number;

  @Field({ description: 'What was found.' })
  description: string;

  @Field(() => [EvidenceType], { description: 'Evidence metadata.' })
  evidence: EvidenceType[];

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Rectification deadline (整改期限), Asia/Shanghai day, while one is set.',
  })
  rectificationDeadline: string | null;

  @Field(() => DateScalar, {
    description:
      'Day the decision whether to file a case is due: 15 working days after the inspection (市场监督管理行政处罚程序规定 第十八条).',
  })
  caseDecisionDue: string;

  @Field(() => String, {
    nullable: true,
    description: 'Case number (立案号) once a case is filed.',
  })
  caseNumber: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Day the penalty decision is due: 90 days after filing (第六十四条).',
  })
  penaltyDecisionDue: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Fine decided (罚款), yuan.' })
  fine: string | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Confiscation decided (没收违法所得), yuan.',
  })
  confiscation: string | null;

  @Field({ description: 'Whether it was carried over when its sweep closed (结转).' })
  carriedOver: boolean;

  @Field({
    description:
      'Whether its inspection was voided (作废): voided findings drop out of lists and statistics.',
  })
  voided: boolean;

  @Field(() => DateTimeScalar, { description: 'When it was recorded (UTC).' })
  createdAt: Date;

  @Field(() => ProductLotType, {
    nullable: true,
    description:
      'The product and lot (产品与批次) it concerns, when recorded (食品安全法 第五十三、六十七条; 药品管理法; 疫苗管理法).',
  })
  product: ProductLotType | null;

  /** The failed test it rests on (Finding.sample, resolved by src/samples). */
  sampleId: string | null;
  inspectionId: string;
  sweepId: string;
  bureauId: string;
  premisesId: string;
  violationTypeCode: string;
  exposedProductId: string | null;
  goodsQuantity: string | null;
  goodsUnit: string | null;
  goodsValue: string | null;
}
