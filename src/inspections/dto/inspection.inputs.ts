import {
  ArgsType,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ConnectionType, PageArgs } from '../../common/pagination/connection';
import {
  SORT_DIRECTIONS,
  type SortDirection,
  SortDirectionEnum,
} from '../../common/pagination/order';
import { DateTimeScalar, MoneyScalar } from '../../common/scalars/scalars';
import { ProductLotInput } from '../../products/dto/product-lot.dto';
import { SeverityEnum } from '../../reference/dto/reference.types';
import { SEVERITIES } from '../../reference/violation-type.entity';
import type { Severity } from '../../reference/violation-type.entity';
import { FINDING_STATUSES } from '../finding.entity';
import type { FindingStatus } from '../finding.entity';
import { CHECKLIST_RESULTS, INSPECTION_OUTCOMES } from '../inspection.entity';
import type { ChecklistResult, InspectionOutcome } from '../inspection.entity';
import {
  ChecklistResultEnum,
  FindingStatusEnum,
  FindingType,
  InspectionOutcomeEnum,
  InspectionType,
} from './inspection.types';

/** 20 MiB: the largest evidence file `PUT /evidence/{sha256}` accepts (src/evidence). */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

@InputType({
  description: 'An answer to one checklist item (检查要点) of the inspection’s category.',
})
export class ChecklistAnswerInput {
  @Field({ description: 'Code of an item of the category’s checklist, e.g. SFP-01.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  itemCode: string;

  @Field(() => ChecklistResultEnum, { description: 'The answer.' })
  @IsIn(CHECKLIST_RESULTS)
  result: ChecklistResult;

  @Field(() => String, {
    nullable: true,
    description: 'Inspector’s note, at most 2000 characters.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({ description: 'Goods removed from sale or seized (下架、查扣).' })
export class GoodsInput {
  @Field(() => Float, { description: 'Quantity in `unit`; positive, at most 3 decimals are kept.' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @Min(0.001)
  @Max(99_999_999_999)
  quantity: number;

  @Field({ description: 'kg, piece, box, bottle, bag… (at most 20 characters)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  unit: string;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Value of the goods (货值) in yuan, at most two decimals, not negative.',
  })
  @IsOptional()
  @IsString()
  value?: string | null;
}

@InputType({
  description:
    'Metadata of a photo or document (证据) already uploaded to object storage: image/* or application/pdf, at most 20 MiB.',
})
export class EvidenceInput {
  @Field({ description: 'Original file name, at most 255 characters.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fileName: string;

  @Field({ description: 'Media type: image/* (e.g. image/jpeg) or application/pdf.' })
  @IsString()
  @MaxLength(100)
  @Matches(/^(image\/[a-z0-9][a-z0-9.+-]*|application\/pdf)$/, {
    message: 'findings.evidenceMediaType',
  })
  mediaType: string;

  @Field(() => Int, { description: 'Size in bytes: positive, at most 20 MiB (20971520).' })
  @IsInt()
  @Min(1)
  @Max(MAX_EVIDENCE_BYTES)
  sizeBytes: number;

  @Field({ description: 'Lowercase hex SHA-256 of the file.' })
  @MaxLength(64)
  @Matches(/^[0-9a-f]{64}$/, { message: 'findings.evidenceSha256' })
  sha256: string;
}

@InputType({ description: 'A problem found (发现问题) during an inspection.' })
export class FindingInput {
  @Field({ description: 'Code of a violation type (问题类型), e.g. THREE_NO_PRODUCTS.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  violationTypeCode: string;

  @Field(() => SeverityEnum, {
    nullable: true,
    description: "Defaults to the violation type's default severity.",
  })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: Severity | null;

  @Field({ description: 'What was found, at most 2000 characters.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The exposed product (被曝光产品) this concerns; it must belong to one of the sweep’s exposures.',
  })
  @IsOptional()
  @IsUUID('all')
  exposedProductId?: string | null;

  @Field(() => GoodsInput, { nullable: true, description: 'Goods removed from sale or seized.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GoodsInput)
  goods?: GoodsInput | null;

  @Field(() => [EvidenceInput], { nullable: true, description: 'Evidence metadata, at most 20.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvidenceInput)
  evidence?: EvidenceInput[] | null;

  @Field(() => ProductLotInput, {
    nullable: true,
    description:
      'The product and lot (产品与批次) it concerns, checked by kind. Without `exposedProductId`, a lot matching a product of the sweep’s exposures (name or brand, maker, batch) ties the finding to it (发现被曝光产品).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProductLotInput)
  product?: ProductLotInput | null;
}

@InputType({
  description:
    'An inspection (检查记录) to log, with its checklist answers and findings, written at once. INSPECTOR, SUPERVISOR or MANAGER.',
})
export class LogInspectionInput {
  @Field(() => ID, { description: 'A UUID the device makes once per user action.' })
  @IsUUID('all')
  idempotencyKey: string;

  @Field(() => ID, { description: 'The sweep (专项整治行动); it must be ACTIVE.' })
  @IsUUID('all')
  sweepId: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'A target category (整治对象类别) of the sweep, by id. Exactly one of `categoryId` and `categoryCode` is given.',
  })
  @IsOptional()
  @IsUUID('all')
  categoryId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The target category by its code (e.g. SEASONED_FLOUR_PRODUCTS) instead of `categoryId`; exactly one of the two is given.',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  categoryCode?: string | null;

  @Field(() => ID, {
    description:
      'The premises inspected, in the caller’s jurisdiction, of a kind the category covers.',
  })
  @IsUUID('all')
  premisesId: string;

  @Field(() => [ID], {
    description:
      'At least two distinct active officers (两名执法人员), at most 10; the caller must be one of them.',
  })
  @IsArray()
  @ArrayMinSize(2, { message: 'inspections.twoOfficersNeeded' })
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  officerIds: string[];

  @Field(() => DateTimeScalar, {
    description:
      'When the visit happened, from the device; not in the future and within the sweep’s dates (Asia/Shanghai days).',
  })
  inspectedAt: Date;

  @Field(() => InspectionOutcomeEnum, { description: 'How it ended.' })
  @IsIn(INSPECTION_OUTCOMES)
  outcome: InspectionOutcome;

  @Field(() => [ChecklistAnswerInput], {
    nullable: true,
    description: 'Checklist answers, at most 50, each item at most once.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ChecklistAnswerInput)
  checklist?: ChecklistAnswerInput[] | null;

  @Field(() => [FindingInput], { nullable: true, description: 'Findings, at most 20.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FindingInput)
  findings?: FindingInput[] | null;

  @Field(() => String, { nullable: true, description: 'Free notes, at most 4000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string | null;
}

@InputType({
  description:
    'A finding to add to an inspection that is not voided, while its sweep is ACTIVE. INSPECTOR, SUPERVISOR or MANAGER.',
})
export class AddFindingInput {
  @Field(() => ID, { description: 'A UUID the device makes once per user action.' })
  @IsUUID('all')
  idempotencyKey: string;

  @Field(() => ID, { description: 'The inspection, in the caller’s jurisdiction.' })
  @IsUUID('all')
  inspectionId: string;

  @Field(() => FindingInput, { description: 'The finding.' })
  @ValidateNested()
  @Type(() => FindingInput)
  finding: FindingInput;
}

@InputType({ description: 'Voids (作废) an inspection and its findings. SUPERVISOR or MANAGER.' })
export class VoidInspectionInput {
  @Field(() => ID, { description: 'The inspection, in the caller’s jurisdiction.' })
  @IsUUID('all')
  inspectionId: string;

  @Field({ description: 'Why it is voided, at most 2000 characters.' })
  @IsString()
  @Matches(/\S/, { message: 'inspections.voidReasonEmpty' })
  @MaxLength(2000)
  reason: string;
}

@InputType({ description: 'Which findings to list; all conditions must hold.' })
export class FindingFilter {
  @Field(() => ID, { nullable: true, description: 'Only findings of this sweep.' })
  @IsOptional()
  @IsUUID('all')
  sweepId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only findings of premises of this bureau and its descendants.',
  })
  @IsOptional()
  @IsUUID('all')
  bureauId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only findings in the caller’s own bureau and its descendants.',
  })
  @IsOptional()
  @IsBoolean()
  myBureau?: boolean | null;

  @Field(() => [FindingStatusEnum], { nullable: true, description: 'Only these statuses.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FINDING_STATUSES.length)
  @IsIn(FINDING_STATUSES, { each: true })
  statuses?: FindingStatus[] | null;

  @Field(() => [SeverityEnum], { nullable: true, description: 'Only these severities.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SEVERITIES.length)
  @IsIn(SEVERITIES, { each: true })
  severities?: Severity[] | null;

  @Field(() => [String], { nullable: true, description: 'Only these violation type codes.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  violationTypeCodes?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only overdue findings (逾期未整改, counted in Asia/Shanghai days); false: only findings that are not overdue.',
  })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;
}

export const FINDING_ORDER_FIELDS = ['DUE_ON', 'FOUND_AT'] as const;
export type FindingOrderField = (typeof FINDING_ORDER_FIELDS)[number];
export const FindingOrderFieldEnum = { DUE_ON: 'DUE_ON', FOUND_AT: 'FOUND_AT' } as const;
registerEnumType(FindingOrderFieldEnum, {
  name: 'FindingOrderField',
  description:
    "DUE_ON: the finding's nearest open deadline (rectification, filing decision or penalty decision); FOUND_AT: when it was logged.",
  valuesMap: {
    DUE_ON: {
      description:
        'The nearest open deadline by status (RECTIFYING: rectification deadline, OPEN: case decision due, CASE_FILED: penalty decision due); findings with none come last ascending, first descending.',
    },
    FOUND_AT: { description: 'When the finding was logged.' },
  },
});

@InputType({ description: 'The order of a findings list; ties are broken by id.' })
export class FindingOrder {
  @Field(() => FindingOrderFieldEnum, { description: 'What to sort by.' })
  @IsIn(FINDING_ORDER_FIELDS)
  field: FindingOrderField;

  @Field(() => SortDirectionEnum, { description: 'Ascending or descending.' })
  @IsIn(SORT_DIRECTIONS)
  direction: SortDirection;
}

@ArgsType()
export class FindingsArgs extends PageArgs {
  @Field(() => FindingFilter, { nullable: true, description: 'Which findings.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FindingFilter)
  filter?: FindingFilter | null;

  @Field(() => FindingOrder, {
    nullable: true,
    description: 'The order (default FOUND_AT DESC: newest first).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FindingOrder)
  orderBy?: FindingOrder | null;
}

@ObjectType({ description: 'Result of logInspection.' })
export class LogInspectionPayload {
  @Field({
    description:
      'True when this is a repeat of an earlier request with the same idempotency key: nothing was written again.',
  })
  replayed: boolean;

  @Field(() => InspectionType, { description: 'The inspection as stored.' })
  inspection: InspectionType;
}

@ObjectType({ description: 'Result of voidInspection.' })
export class VoidInspectionPayload {
  @Field(() => InspectionType, { description: 'The voided inspection.' })
  inspection: InspectionType;
}

export const FindingConnection = ConnectionType(FindingType, 'Finding', 'findings (发现问题)');
