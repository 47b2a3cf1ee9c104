import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { DateScalar, DateTimeScalar } from '../../common/scalars/scalars';
import { NodeInterface } from '../../common/node';
import type { RiskClass, UnassignedReason } from '../draw';
import type { PlanStatus } from '../inspection-plan.entity';
import type { ConflictReason, SelectionResult } from '../selection-records.entity';

export const RiskClassEnum = { A: 'A', B: 'B', C: 'C', D: 'D', UNGRADED: 'UNGRADED' } as const;
registerEnumType(RiskClassEnum, {
  name: 'RiskClass',
  description:
    'A risk class of the draw (风险分级): the risk grades A to D and premises never graded.',
  valuesMap: {
    A: { description: 'Low risk (A级).' },
    B: { description: 'Moderate risk (B级).' },
    C: { description: 'High risk (C级).' },
    D: { description: 'Very high risk (D级).' },
    UNGRADED: { description: 'Not graded yet (未分级).' },
  },
});

export const PlanStatusEnum = { BINDING: 'BINDING', SUPERSEDED: 'SUPERSEDED' } as const;
registerEnumType(PlanStatusEnum, {
  name: 'InspectionPlanStatus',
  description: 'Whether a plan is the one in force (计划状态).',
  valuesMap: {
    BINDING: { description: 'The plan in force for its sweep, bureau and category (有效).' },
    SUPERSEDED: { description: 'Redrawn with a reason; kept on record (已被重新抽取取代).' },
  },
});

export const UnassignedReasonEnum = {
  CONFLICT_OF_INTEREST: 'CONFLICT_OF_INTEREST',
  ROTATION: 'ROTATION',
  LOAD_CAP: 'LOAD_CAP',
} as const;
registerEnumType(UnassignedReasonEnum, {
  name: 'UnassignedReason',
  description: 'Why no two officers could be drawn for a visit (未匹配原因).',
  valuesMap: {
    CONFLICT_OF_INTEREST: {
      description:
        'Fewer than two officers are free of a conflict-of-interest declaration for it (回避, 行政处罚法 第四十三条).',
    },
    ROTATION: {
      description:
        'Of those, fewer than two did not inspect it in the 12 months before the draw (轮换).',
    },
    LOAD_CAP: {
      description:
        'Of those, fewer than two were below the load cap (工作量上限). Only in plans drawn with dual-random-v2: since v3 the least-loaded lawful officers go past the cap instead.',
    },
  },
});

export const ConflictReasonEnum = {
  KINSHIP: 'KINSHIP',
  FINANCIAL_INTEREST: 'FINANCIAL_INTEREST',
  FORMER_EMPLOYMENT: 'FORMER_EMPLOYMENT',
  OTHER: 'OTHER',
} as const;
registerEnumType(ConflictReasonEnum, {
  name: 'ConflictOfInterestReason',
  description:
    'The kind of relation that requires standing aside (回避事由, 行政处罚法 第四十三条).',
  valuesMap: {
    KINSHIP: { description: 'Close relative of the operator or its managers (近亲属关系).' },
    FINANCIAL_INTEREST: { description: 'A financial interest in the premises (经济利害关系).' },
    FORMER_EMPLOYMENT: { description: 'Worked for the operator before (曾在该单位任职).' },
    OTHER: { description: 'Another relation that could affect impartiality (其他关系), in words.' },
  },
});

export const SelectionResultEnum = {
  NO_PROBLEM_FOUND: 'NO_PROBLEM_FOUND',
  NO_RELEVANT_ACTIVITY: 'NO_RELEVANT_ACTIVITY',
  PROBLEM_CORRECTED_ON_ORDER: 'PROBLEM_CORRECTED_ON_ORDER',
  PROBLEM_PENDING_FOLLOW_UP: 'PROBLEM_PENDING_FOLLOW_UP',
  UNREACHABLE_AT_REGISTERED_ADDRESS: 'UNREACHABLE_AT_REGISTERED_ADDRESS',
  REFUSED_INSPECTION: 'REFUSED_INSPECTION',
} as const;
registerEnumType(SelectionResultEnum, {
  name: 'SelectionResult',
  description:
    'The result of a random inspection (抽查结果) in the categories published on the National Enterprise Credit Information Publicity System (国家企业信用信息公示系统).',
  valuesMap: {
    NO_PROBLEM_FOUND: { description: '未发现问题.' },
    NO_RELEVANT_ACTIVITY: { description: '未发现开展本次抽查涉及的经营活动.' },
    PROBLEM_CORRECTED_ON_ORDER: { description: '发现问题已责令改正.' },
    PROBLEM_PENDING_FOLLOW_UP: { description: '发现问题待后续处理.' },
    UNREACHABLE_AT_REGISTERED_ADDRESS: { description: '通过登记的住所（经营场所）无法联系.' },
    REFUSED_INSPECTION: { description: '不配合检查.' },
  },
});

@ObjectType('InspectionPlanClassFigure', {
  description:
    'The draw of one risk class on a plan (分类抽查情况): candidates, the ratio or count set, and how many were drawn.',
})
export class ClassFigureType {
  @Field(() => RiskClassEnum, { description: 'The risk class (风险分级).' })
  riskClass: RiskClass;

  @Field(() => Int, { description: 'Candidate premises of the class (名录库户数).' })
  candidates: number;

  @Field(() => String, {
    nullable: true,
    description: 'The ratio set (抽查比例), a decimal such as "0.0500"; null when a count was set.',
  })
  ratio: string | null;

  @Field(() => Int, { nullable: true, description: 'The count set (抽取户数); null for a ratio.' })
  count: number | null;

  @Field(() => Int, {
    description: 'Premises drawn (抽取户数): round-half-up(ratio × candidates), or the count.',
  })
  drawn: number;
}

@ObjectType('InspectionPlanResult', {
  description:
    'The result of one visit (抽查结果), recorded explicitly with the day it was formed.',
})
export class InspectionPlanResultType {
  @Field(() => SelectionResultEnum, { description: 'The result category (抽查结果).' })
  result: SelectionResult;

  @Field(() => DateScalar, { description: 'The day the result was formed (结果形成之日).' })
  formedOn: string;

  @Field(() => String, { nullable: true, description: 'A note (备注).' })
  note: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was recorded, UTC.' })
  recordedAt: Date;

  inspectionId: string | null;
  recordedById: string;
}

@ObjectType('InspectionPlanVisit', {
  description:
    'One drawn premises of a random dual selection plan (抽查对象) with the two officers drawn for it (随机选派执法检查人员).',
})
export class InspectionPlanVisitType {
  @Field(() => Int, { description: 'Position in drawing order, from 1.' })
  position: number;

  @Field(() => RiskClassEnum, {
    nullable: true,
    description:
      'The risk class (风险分级) it was drawn in, as frozen at the draw; null for plans drawn before issue 19.',
  })
  riskClass: RiskClass | null;

  @Field({
    description:
      'True when no two eligible officers existed for this premises (未匹配); see `unassignedReason`.',
  })
  unassigned: boolean;

  @Field(() => UnassignedReasonEnum, {
    nullable: true,
    description: 'Why it is unassigned (未匹配原因); null when two officers were drawn.',
  })
  unassignedReason: UnassignedReason | null;

  @Field({
    description:
      'Whether the visit is done (已检查): a non-voided inspection of this premises in the plan’s sweep and category was logged after the draw.',
  })
  done: boolean;

  @Field(() => InspectionPlanResultType, {
    nullable: true,
    description: 'The recorded result (抽查结果); null until recorded.',
  })
  result: InspectionPlanResultType | null;

  @Field(() => SelectionResultEnum, {
    nullable: true,
    description:
      'A suggestion from the inspection’s outcome (建议结果): COMPLIANT → NO_PROBLEM_FOUND, PREMISES_CLOSED → NO_RELEVANT_ACTIVITY, REFUSED_ENTRY → REFUSED_INSPECTION, ISSUES_FOUND → PROBLEM_PENDING_FOLLOW_UP. Never recorded by itself.',
  })
  suggestedResult: SelectionResult | null;

  planId: string;
  premisesId: string;
  officerIds: string[];
  inspectionId: string | null;
  inspectionOutcome: string | null;
}

@ObjectType('InspectionPlanPublication', {
  description:
    'Publication (公示) of a plan’s results: due 20 working days after the day the last result was formed (企业信息公示暂行条例 第六条).',
})
export class InspectionPlanPublicationType {
  @Field(() => DateScalar, {
    description: 'The day the last result was formed (最后结果形成之日).',
  })
  lastResultOn: string;

  @Field(() => DateScalar, {
    description: 'Publication due day (公示期限), 20 working days later.',
  })
  dueOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day published (公示日期).' })
  publishedOn: string | null;

  @Field({
    description: 'Not published and the due day has passed today (逾期未公示), Asia/Shanghai.',
  })
  overdue: boolean;

  publishedById: string | null;
}

@ObjectType('InspectionPlan', {
  implements: () => [NodeInterface],
  description:
    'A random dual selection plan (双随机抽查计划, 双随机、一公开): premises drawn uniformly at random per risk class, each with two officers drawn at random among the eligible. Its inputs are frozen and hashed with a seed made by the server, so anyone holding the published plan replays the draw.',
})
export class InspectionPlanType {
  @Field(() => ID, { description: 'UUID of the plan.' })
  id: string;

  @Field(() => PlanStatusEnum, {
    description: 'BINDING, or SUPERSEDED by a redraw (计划状态).',
  })
  status: PlanStatus;

  @Field(() => Int, {
    description: 'How many premises the sampling asked for (抽取户数); `visits` may hold fewer.',
  })
  premisesCount: number;

  @Field({
    description:
      'The seed (随机种子): 256 bits from the server’s cryptographic generator at draw time (hex), published with the plan.',
  })
  seed: string;

  @Field(() => DateTimeScalar, { description: 'When the draw was made (抽取时间), UTC.' })
  drawnAt: Date;

  @Field({ description: 'Version of the draw algorithm (算法版本).' })
  algorithm: string;

  @Field({
    description:
      'SHA-256 (hex) of JSON [algorithm, seed, canonical frozen inputs] (输入指纹); its first 128 bits seed the generator.',
  })
  inputsFingerprint: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why it redrew the plan it supersedes (重新抽取理由); null for a first draw.',
  })
  redrawReason: string | null;

  /** Resolved by InspectionPlanResolver.frozenInputs (loaded apart from the plan row). */
  frozenInputs?: unknown;

  @Field(() => [ClassFigureType], {
    description: 'The draw per risk class (分类抽查情况); empty for plans drawn before issue 19.',
  })
  classFigures: ClassFigureType[];

  @Field(() => Int, {
    nullable: true,
    description:
      'The load cap (工作量上限): ceil(2 × drawn premises / officers) + 1. No officer goes past it while others may lawfully go instead.',
  })
  loadCap: number | null;

  sweepId: string;
  bureauId: string;
  categoryId: string;
  drawnById: string;
  supersedesId: string | null;
  supersededById: string | null;
}

@ObjectType('DrawInspectionPlanPayload', { description: 'The plan drawn.' })
export class DrawInspectionPlanPayload {
  @Field(() => InspectionPlanType, { description: 'The new binding plan.' })
  plan: InspectionPlanType;

  @Field({ description: 'True when this is a replay of an earlier request with the same key.' })
  replayed: boolean;
}

@ObjectType('ConflictOfInterestDeclaration', {
  implements: () => [NodeInterface],
  description:
    'A conflict-of-interest declaration (回避声明, 行政处罚法 第四十三条): while in force the officer is never drawn for the premises.',
})
export class ConflictOfInterestDeclarationType {
  @Field(() => ID, { description: 'UUID of the declaration.' })
  id: string;

  @Field(() => ConflictReasonEnum, { description: 'The kind of relation (回避事由).' })
  reason: ConflictReason;

  @Field(() => String, { nullable: true, description: 'The relation in words (说明).' })
  reasonText: string | null;

  @Field(() => DateScalar, { description: 'First day in force (生效日期).' })
  inForceFrom: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day no longer in force (撤销日期); null while in force.',
  })
  withdrawnOn: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was declared, UTC.' })
  declaredAt: Date;

  officerId: string;
  premisesId: string;
  declaredById: string;
  withdrawnById: string | null;
}

@ObjectType('ConflictOfInterestDeclarationPayload', {
  description: 'The declaration declared or withdrawn.',
})
export class ConflictOfInterestDeclarationPayload {
  @Field(() => ConflictOfInterestDeclarationType, { description: 'The declaration.' })
  declaration: ConflictOfInterestDeclarationType;

  @Field({ description: 'True when this is a replay of an earlier request with the same key.' })
  replayed: boolean;
}

@ObjectType('InspectionPlanPayload', { description: 'The plan after the change.' })
export class InspectionPlanPayload {
  @Field(() => InspectionPlanType, { description: 'The plan.' })
  plan: InspectionPlanType;

  @Field({ description: 'True when this is a replay of an earlier request with the same key.' })
  replayed: boolean;
}

export const ConflictOfInterestDeclarationConnection = ConnectionType(
  ConflictOfInterestDeclarationType,
  'ConflictOfInterestDeclaration',
  'conflict-of-interest declarations (回避声明)',
);

export const InspectionPlanConnection = ConnectionType(
  InspectionPlanType,
  'InspectionPlan',
  'random dual selection plans (双随机抽查计划)',
);
