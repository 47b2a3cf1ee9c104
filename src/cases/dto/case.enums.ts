import { registerEnumType } from '@nestjs/graphql';
import { CASE_STEPS, type CaseStepKind } from '../case-step.entity';
import {
  CASE_OUTCOMES,
  CASE_STATUSES,
  PENALTY_KINDS,
  TRANSFER_AUTHORITIES,
  TRANSFER_OUTCOMES,
  type CaseOutcome,
  type CaseStatus,
  type PenaltyKind,
  type TransferAuthority,
  type TransferOutcome,
} from '../case.entity';
import { CASE_CLOCK_KINDS, type CaseClockKind } from '../clocks';
import { SUSPENSION_REASONS, type SuspensionReason } from '../clock-suspension.entity';

function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
}

export const CaseStatusEnum = enumOf<CaseStatus>(CASE_STATUSES);
registerEnumType(CaseStatusEnum, {
  name: 'CaseStatus',
  description:
    'Where a case (案件) stands: FILED → DECIDED → CLOSED; FILED → CLOSED when decided NOT_ESTABLISHED; TRANSFERRED until the outcome (ACCEPTED → CLOSED; RETURNED → back to the status it had).',
  valuesMap: {
    FILED: { description: 'Filed (已立案), not decided yet.' },
    DECIDED: { description: 'Decided (已作出处理决定).' },
    TRANSFERRED: { description: 'With another authority (已移送), until its answer.' },
    CLOSED: { description: 'Closed (已结案).' },
  },
});

export const CaseClockKindEnum = enumOf<CaseClockKind>(CASE_CLOCK_KINDS);
registerEnumType(CaseClockKindEnum, {
  name: 'CaseClockKind',
  description:
    'FILING_DECISION: 15 working days to decide whether to file; PENALTY_DECISION: 90 days from filing to the decision; TRANSFER_APPROVAL: 3 days from the report of a suspected crime to the approval; PUBLICATION: 20 working days from the decision to publish it; PAYMENT: 15 days from service of the decision to pay.',
  valuesMap: {
    FILING_DECISION: {
      description:
        '立案决定: 15 working days from the inspection (程序规定 第十八条; 7 before 2019-04-01).',
    },
    PENALTY_DECISION: { description: '处罚决定: 90 days from filing (第六十四条).' },
    TRANSFER_APPROVAL: {
      description: '移送审批: 3 days from the report (国务院令第310号 第五条).',
    },
    PUBLICATION: { description: '公示: 20 working days from the decision.' },
    PAYMENT: { description: '缴纳罚没款: 15 days from service (行政处罚法 第六十七条).' },
  },
});

export const SuspensionReasonEnum = enumOf<SuspensionReason>(SUSPENSION_REASONS);
registerEnumType(SuspensionReasonEnum, {
  name: 'SuspensionReason',
  description:
    'Periods excluded from the clocks (程序规定 第十八条第二款, 第六十四条第二款): 检测检验, 检疫, 鉴定, 权利人辨认或者鉴别, 听证, 公告, 中止, 责令退还多收价款.',
  valuesMap: {
    TESTING: { description: '检测检验' },
    QUARANTINE: { description: '检疫' },
    EXPERT_OPINION: { description: '鉴定' },
    RIGHT_HOLDER_IDENTIFICATION: { description: '权利人辨认或者鉴别' },
    HEARING: { description: '听证' },
    ANNOUNCEMENT: { description: '公告' },
    SUSPENDED_INVESTIGATION: { description: '中止调查' },
    PRICE_REFUND: { description: '责令退还多收价款' },
    OTHER: { description: 'Another excluded period.' },
  },
});

export const FILING_DECISION_KINDS = ['FILED', 'DECLINED'] as const;
export const FilingDecisionKindEnum = enumOf(FILING_DECISION_KINDS);
registerEnumType(FilingDecisionKindEnum, {
  name: 'FilingDecisionKind',
  description: 'The filing decision: 立案 (FILED) or 不予立案 (DECLINED).',
  valuesMap: {
    FILED: { description: '立案' },
    DECLINED: { description: '不予立案' },
  },
});

export const DECLINE_REASONS = [
  'MINOR_CORRECTED_NO_HARM',
  'FIRST_MINOR_CORRECTED',
  'NO_FAULT',
  'NO_VIOLATION',
  'NOT_OUR_COMPETENCE',
  'TIME_BARRED',
  'OTHER',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
export const DeclineReasonEnum = enumOf<DeclineReason>(DECLINE_REASONS);
registerEnumType(DeclineReasonEnum, {
  name: 'DeclineReason',
  description:
    "Why no case is filed (不予立案, 程序规定 第十九、二十条): minor, corrected, no harm; first minor violation corrected in time; no fault; no violation established; not this bureau's competence (then the matter is transferred); time-barred; other.",
  valuesMap: {
    MINOR_CORRECTED_NO_HARM: { description: '违法行为轻微并及时改正，没有造成危害后果' },
    FIRST_MINOR_CORRECTED: { description: '初次违法且危害后果轻微并及时改正' },
    NO_FAULT: { description: '当事人有证据足以证明没有主观过错' },
    NO_VIOLATION: { description: '违法事实不成立' },
    NOT_OUR_COMPETENCE: { description: '不属于本机关管辖 (the matter is transferred)' },
    TIME_BARRED: { description: '超过行政处罚时效' },
    OTHER: { description: 'Another reason.' },
  },
});

export const PenaltyKindEnum = enumOf<PenaltyKind>(PENALTY_KINDS);
registerEnumType(PenaltyKindEnum, {
  name: 'PenaltyKind',
  description:
    '行政处罚法 第九条: 警告, 通报批评, 罚款, 没收违法所得, 没收非法财物, 暂扣许可证件, 降低资质等级, 吊销许可证件, 限制开展生产经营活动, 责令停产停业, 责令关闭, 限制从业.',
  valuesMap: {
    WARNING: { description: '警告' },
    CIRCULATE_CRITICISM: { description: '通报批评' },
    FINE: { description: '罚款' },
    CONFISCATE_ILLEGAL_GAINS: { description: '没收违法所得' },
    CONFISCATE_ILLEGAL_PROPERTY: { description: '没收非法财物' },
    SUSPEND_LICENCE: { description: '暂扣许可证件' },
    LOWER_QUALIFICATION: { description: '降低资质等级' },
    REVOKE_LICENCE: { description: '吊销许可证件' },
    RESTRICT_BUSINESS: { description: '限制开展生产经营活动' },
    SUSPEND_BUSINESS: { description: '责令停产停业' },
    ORDER_CLOSURE: { description: '责令关闭' },
    RESTRICT_EMPLOYMENT: { description: '限制从业' },
    OTHER: { description: 'Another penalty set by law.' },
  },
});

export const CaseOutcomeEnum = enumOf<CaseOutcome>(CASE_OUTCOMES);
registerEnumType(CaseOutcomeEnum, {
  name: 'CaseOutcome',
  description:
    'How a filed case is decided (处理决定): a penalty, no penalty (不予行政处罚), or the violation not established (撤销立案).',
  valuesMap: {
    PENALTY: { description: '行政处罚' },
    NO_PENALTY: { description: '不予行政处罚' },
    NOT_ESTABLISHED: { description: '违法事实不成立，撤销立案' },
  },
});

export const CaseStepEnum = enumOf<CaseStepKind>(CASE_STEPS);
registerEnumType(CaseStepEnum, {
  name: 'CaseStep',
  description:
    'Steps after the decision is taken: 告知 (with the right to a hearing), hearing requested, hearing held, 送达, paid, enforcement applied for (申请强制执行).',
  valuesMap: {
    NOTIFIED: { description: '告知 (with the right to a hearing)' },
    HEARING_REQUESTED: { description: '听证申请' },
    HEARING_HELD: { description: '听证' },
    SERVED: { description: '送达' },
    PAID: { description: '缴纳罚没款' },
    ENFORCEMENT_APPLIED: { description: '申请强制执行' },
  },
});

export const TransferAuthorityEnum = enumOf<TransferAuthority>(TRANSFER_AUTHORITIES);
registerEnumType(TransferAuthorityEnum, {
  name: 'TransferAuthority',
  description:
    'Where a matter goes: the police (涉嫌犯罪), another market-regulation bureau (管辖移送), agriculture, health, drug administration, a supervisory commission, other.',
  valuesMap: {
    POLICE: { description: '公安机关 (涉嫌犯罪)' },
    MARKET_REGULATION: { description: '另一市场监管部门 (管辖移送)' },
    AGRICULTURE: { description: '农业农村部门 (pesticides, seed)' },
    HEALTH: { description: '卫生健康部门 (vaccination practice)' },
    DRUG_ADMINISTRATION: { description: '药品监督管理部门' },
    SUPERVISORY_COMMISSION: { description: '监察机关' },
    OTHER: { description: 'Another authority.' },
  },
});

export const TransferOutcomeEnum = enumOf<TransferOutcome>(TRANSFER_OUTCOMES);
registerEnumType(TransferOutcomeEnum, {
  name: 'TransferOutcome',
  description:
    'What the other authority did: PENDING, ACCEPTED (立案) or RETURNED (不予立案, 退回).',
  valuesMap: {
    PENDING: { description: 'No answer yet.' },
    ACCEPTED: { description: 'Accepted (立案): the case closes.' },
    RETURNED: { description: 'Returned (不予立案): back to the bureau.' },
  },
});

export const HOLIDAY_KINDS = ['HOLIDAY', 'WORKDAY'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];
export const HolidayKindEnum = enumOf<HolidayKind>(HOLIDAY_KINDS);
registerEnumType(HolidayKindEnum, {
  name: 'HolidayKind',
  description: 'An official holiday (法定节假日) or a weekend day worked in exchange (调休上班).',
  valuesMap: {
    HOLIDAY: { description: '法定节假日' },
    WORKDAY: { description: '调休上班' },
  },
});

export const CASE_ORDER_FIELDS = ['NEXT_DUE_ON', 'FILED_ON'] as const;
export const CaseOrderFieldEnum = enumOf(CASE_ORDER_FIELDS);
registerEnumType(CaseOrderFieldEnum, {
  name: 'CaseOrderField',
  description: 'NEXT_DUE_ON: the nearest open deadline (nulls last); FILED_ON: the filing day.',
  valuesMap: {
    NEXT_DUE_ON: { description: 'The nearest open due day, nulls last.' },
    FILED_ON: { description: 'The filing day.' },
  },
});
