import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { BureauType } from '../../bureaus/dto/bureau.types';
import { DateScalar, DateTimeScalar, MoneyScalar } from '../../common/scalars/scalars';
import { TargetCategoryType, ViolationTypeType } from '../../reference/dto/reference.types';

@InputType({
  description:
    'Limits progress figures (工作进展) to a bureau subtree, categories and Asia/Shanghai days of the inspection.',
})
export class ProgressFilter {
  @Field(() => ID, {
    nullable: true,
    description:
      'Limit to this bureau and its descendants (下属单位); outside the caller’s jurisdiction it is NOT_FOUND.',
  })
  @IsOptional()
  @IsUUID('all')
  bureauId?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Target category codes (整治对象类别), e.g. SEASONED_FLOUR_PRODUCTS; an unknown code is BAD_USER_INPUT.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  categoryCodes?: string[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day of the inspections counted, inclusive (Asia/Shanghai).',
  })
  @IsOptional()
  @IsString()
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Last day of the inspections counted, inclusive (Asia/Shanghai); also the “截至” day of the summary.',
  })
  @IsOptional()
  @IsString()
  to?: string | null;
}

@ObjectType('ProgressFigures', {
  description:
    'The standard enforcement statistics (执法统计) of one scope. Voided inspections and their findings never count. Money in yuan (元).',
})
export class ProgressFiguresType {
  @Field(() => Int, {
    description:
      'Officer-visits (出动执法人员，人次): distinct (officer, day) pairs, Asia/Shanghai days; an officer out on one day is one 人次 however many premises they visit.',
  })
  officerVisits: number;

  @Field(() => Int, {
    description:
      'Inspections (检查，户次): distinct (premises, day) visits; one visit checking two categories is one 户次 (and one in each category’s row). Voided inspections and re-inspections are not counted.',
  })
  inspections: number;

  @Field(() => Int, { description: 'Distinct premises inspected (检查市场主体，户).' })
  premisesInspected: number;

  @Field(() => Int, {
    description:
      'Assigned target (任务数): sum of the sweep’s assignment targets of the bureaus and categories in scope.',
  })
  target: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Completion (完成率): per assignment (bureau, category) the distinct premises of its category inspected in the bureau’s subtree, capped at its target, summed and divided by the sum of targets; a fraction rounded to 4 decimals (0.75 = 75%), never above 1; null when the target is 0.',
  })
  completionRate: number | null;

  @Field(() => Int, { description: 'Findings (发现问题，个).' })
  findings: number;

  @Field(() => Int, {
    description:
      'Rectification orders (责令整改，户): distinct premises with at least one finding ordered rectified.',
  })
  rectificationOrders: number;

  @Field(() => Int, {
    description:
      'Rectified (已整改，户): distinct premises whose every finding ordered rectified passed re-inspection by the as-of day.',
  })
  rectified: number;

  @Field(() => MoneyScalar, {
    description:
      'Value of goods removed from sale (findings’ goods, 下架) or under a compulsory measure (compulsoryMeasuresValue, 查封扣押) (下架、查扣货值), yuan; "0.00" when none.',
  })
  goodsRemovedValue: string;

  @Field(() => Int, {
    description: 'Cases filed (立案，件): distinct cases filed by the as-of day.',
  })
  casesFiled: number;

  @Field(() => Int, {
    description: 'Declining decisions (不予立案，件) taken by the as-of day.',
  })
  casesDeclined: number;

  @Field(() => MoneyScalar, {
    description: 'Fines decided (罚款), yuan, once per case decision; "0.00" when none.',
  })
  fines: string;

  @Field(() => MoneyScalar, {
    description:
      'Illegal gains confiscated (没收违法所得), yuan, once per case decision; "0.00" when none.',
  })
  confiscations: string;

  @Field(() => MoneyScalar, {
    description:
      'Value of goods confiscated (没收非法财物，货值), yuan, once per case decision; "0.00" when none.',
  })
  confiscatedGoodsValue: string;

  @Field(() => Int, {
    description:
      'Transferred to the police (移送公安，件): distinct cases transferred, plus findings transferred without a case.',
  })
  transferredToPolice: number;

  @Field(() => Int, {
    description:
      'Overdue in total on the as-of day: overdueRectifications + overdueFilingDecisions + overduePenaltyDecisions + overduePublications.',
  })
  overdue: number;

  @Field(() => Int, {
    description:
      'Rectification overdue (逾期未整改): findings still rectifying after their deadline, judged on the as-of day.',
  })
  overdueRectifications: number;

  @Field(() => Int, {
    description:
      'Filing decision overdue (超期未作立案决定): findings without a decision after the filing clock’s due day (市场监督管理行政处罚程序规定 第十八条).',
  })
  overdueFilingDecisions: number;

  @Field(() => Int, {
    description:
      'Penalty decision overdue (超期未作处罚决定): filed cases undecided after the decision clock’s due day (第六十四条).',
  })
  overduePenaltyDecisions: number;

  @Field(() => Int, {
    description:
      'Publication overdue (超期未公示): decisions not published within 20 working days (市场监督管理行政处罚信息公示规定).',
  })
  overduePublications: number;

  @Field(() => Int, {
    description:
      'Exposed products found (发现被曝光产品，批次): findings tied to an exposed product.',
  })
  exposedProductsFound: number;

  @Field(() => Int, {
    description:
      'Compulsory measures (查封扣押，批次): 查封 or 扣押 decided by the as-of day on the findings counted (行政强制法 第九条), one 批次 per decision, in the row of the premises’ bureau and the finding’s category.',
  })
  compulsoryMeasures: number;

  @Field(() => MoneyScalar, {
    description:
      'Value of the goods under those measures (查封扣押货值), yuan: Σ of their lists (清单); also counted in goodsRemovedValue (下架、查扣).',
  })
  compulsoryMeasuresValue: string;

  @Field(() => Int, {
    description:
      'Complaints and reports received (受理投诉举报，件): clues of the sweep, complaints accepted and reports received by the as-of day (not refused, not sent to another authority), in the handling bureau’s row and their category’s (市场监督管理投诉举报处理暂行办法).',
  })
  cluesReceived: number;

  @Field(() => Int, { description: 'Of cluesReceived, those closed (办结) by the as-of day.' })
  cluesClosed: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Closure rate (办结率): cluesClosed ÷ cluesReceived, 4 decimals; null when none was received.',
  })
  clueClosureRate: number | null;

  @Field(() => Int, {
    description:
      'Samples taken (抽检，批次): samples (rapid or lab tests) taken by the as-of day on the inspections counted, in the row of the premises’ bureau and the inspection’s category.',
  })
  samplesTaken: number;

  @Field(() => Int, {
    description:
      'Samples failed (不合格，批次): of the samples taken, those whose result FAIL was reported by the as-of day.',
  })
  samplesFailed: number;
}

@ObjectType('BureauProgress', {
  description: 'Figures of one bureau over its subtree (本单位及下属单位).',
})
export class BureauProgressType {
  @Field(() => BureauType, { description: 'The bureau.' })
  bureau: BureauType;

  @Field(() => ProgressFiguresType, { description: 'Figures of the bureau and its descendants.' })
  figures: ProgressFiguresType;
}

@ObjectType('CategoryProgress', { description: 'Figures of one target category (分类别).' })
export class CategoryProgressType {
  @Field(() => TargetCategoryType, { description: 'The category.' })
  category: TargetCategoryType;

  @Field(() => ProgressFiguresType, { description: 'Figures of the category in scope.' })
  figures: ProgressFiguresType;
}

@ObjectType('ViolationTypeCount', { description: 'Findings of one violation type (问题类型).' })
export class ViolationTypeCountType {
  @Field(() => ViolationTypeType, { description: 'The violation type.' })
  violationType: ViolationTypeType;

  @Field(() => Int, { description: 'Findings of this type in scope; always positive.' })
  count: number;
}

@ObjectType('DailyProgress', { description: 'Work of one Asia/Shanghai day (每日进展).' })
export class DailyProgressType {
  @Field(() => DateScalar, { description: 'The day (Asia/Shanghai) of the inspections.' })
  date: string;

  @Field(() => Int, { description: 'Inspections that day, voided ones excluded.' })
  inspections: number;

  @Field(() => Int, { description: 'Findings of the inspections of that day.' })
  findings: number;
}

@ObjectType('SweepProgressOverview', {
  description:
    'The figures of one sweep for a list of sweeps (`Sweep.progress`): totals, bureau subtrees and categories, computed for the whole list in a fixed number of SQL statements. Managers and admins see the whole city; inspectors and supervisors their jurisdiction.',
})
export class SweepProgressOverviewType {
  @Field(() => DateTimeScalar, {
    description:
      'The instant the figures are as of (截至, UTC): the end of the filter’s `to` day (Asia/Shanghai), or now when open-ended or `to` is today or later.',
  })
  asOf: Date;

  @Field(() => ProgressFiguresType, { description: 'Totals over the whole scope (合计).' })
  totals: ProgressFiguresType;

  @Field(() => [BureauProgressType], {
    description: 'One row per bureau, as `SweepProgress.byBureau`.',
  })
  byBureau: BureauProgressType[];

  @Field(() => [CategoryProgressType], {
    description: 'One row per category of the sweep in scope, in the sweep’s order.',
  })
  byCategory: CategoryProgressType[];
}

@ObjectType('SweepProgress', {
  description:
    'Progress of a sweep (工作进展情况) as managers read it. Managers and admins see the whole city; inspectors and supervisors their jurisdiction.',
})
export class SweepProgressType {
  @Field(() => DateTimeScalar, {
    description:
      'The instant the figures are as of (截至, UTC): the end of the filter’s `to` day (Asia/Shanghai), or now when open-ended or `to` is today or later. Its Asia/Shanghai day is the 截至 day: follow-ups count only when they took effect by then, and overdue is judged on that day.',
  })
  asOf: Date;

  @Field(() => ProgressFiguresType, { description: 'Totals over the whole scope (合计).' })
  totals: ProgressFiguresType;

  @Field(() => [BureauProgressType], {
    description:
      'One row per bureau in scope that holds an assignment of the sweep (for the categories in scope) or whose subtree logged an inspection or has officers who took part in one; figures over its subtree (premises, visits and findings by the premises’ bureau, 人次 by the officer’s own bureau). Municipal bureau first, then by code.',
  })
  byBureau: BureauProgressType[];

  @Field(() => [CategoryProgressType], {
    description: 'One row per category of the sweep in scope, in the order the sweep lists them.',
  })
  byCategory: CategoryProgressType[];

  @Field(() => [ViolationTypeCountType], {
    description: 'Findings per violation type, only types found, most first (ties by code).',
  })
  byViolationType: ViolationTypeCountType[];

  @Field(() => [DailyProgressType], {
    description:
      'One row per Asia/Shanghai day from the first inspection in scope to the last, days without work included.',
  })
  daily: DailyProgressType[];

  @Field(() => Int, {
    description:
      'Certificate renting suspects (执业药师挂证线索): pharmacist registration numbers recorded at two or more pharmacies, at least one of them in the scope (bureau filter or caller’s jurisdiction). A current snapshot of the registry, not limited by the sweep or the dates; see pharmacistRegistrationConflicts for the list.',
  })
  pharmacistRegistrationConflicts: number;

  @Field({
    description:
      'The summary paragraph in Chinese in the style of the bureau’s reports (截至…，全市共出动执法人员…人次…).',
  })
  summaryText: string;
}

@InputType({ description: 'Closes a sweep (结束专项整治行动). MANAGER only.' })
export class CloseSweepInput {
  @Field(() => ID, { description: 'The sweep to close; it must be ACTIVE.' })
  @IsUUID('all')
  sweepId: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Close even with findings still open (not RESOLVED, CLOSED or TRANSFERRED); they are marked carried over (结转) and stay workable.',
  })
  @IsOptional()
  @IsBoolean()
  carryOverOpenFindings?: boolean | null;
}
