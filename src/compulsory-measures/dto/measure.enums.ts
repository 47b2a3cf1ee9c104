import { registerEnumType } from '@nestjs/graphql';
import {
  DISPOSALS,
  MEASURE_KINDS,
  MEASURE_STATUSES,
  RELEASE_REASONS,
  type Disposal,
  type MeasureKind,
  type MeasureStatus,
  type ReleaseReason,
} from '../compulsory-measure.entity';
import {
  MEASURE_SUSPENSION_REASONS,
  type MeasureSuspensionReason,
} from '../measure-suspension.entity';

function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
}

export const MeasureKindEnum = enumOf<MeasureKind>(MEASURE_KINDS);
registerEnumType(MeasureKindEnum, {
  name: 'CompulsoryMeasureKind',
  description: 'The compulsory measure taken (行政强制法 第九条).',
  valuesMap: {
    SEAL: { description: '查封: premises, facilities or goods sealed where they are.' },
    SEIZE: { description: '扣押: goods taken into the bureau’s custody.' },
  },
});

export const MeasureStatusEnum = enumOf<MeasureStatus>(MEASURE_STATUSES);
registerEnumType(MeasureStatusEnum, {
  name: 'CompulsoryMeasureStatus',
  description:
    'Where a measure stands: IN_FORCE → EXTENDED (still in force) → RELEASED (解除) or DISPOSED (处理).',
  valuesMap: {
    IN_FORCE: { description: '实施中: in force, not extended.' },
    EXTENDED: { description: '已延长: extended once by the head (第二十五条), still in force.' },
    RELEASED: { description: '已解除 (第二十八条).' },
    DISPOSED: { description: '已处理: confiscated, destroyed or transferred (第二十七条).' },
  },
});

export const ReleaseReasonEnum = enumOf<ReleaseReason>(RELEASE_REASONS);
registerEnumType(ReleaseReasonEnum, {
  name: 'CompulsoryMeasureReleaseReason',
  description: 'Why a measure is released (解除, 行政强制法 第二十八条).',
  valuesMap: {
    NO_VIOLATION: { description: '当事人没有违法行为 (第一项).' },
    UNRELATED_TO_VIOLATION: {
      description: '查封、扣押的场所、设施或者财物与违法行为无关 (第二项).',
    },
    NO_LONGER_NEEDED_AFTER_DECISION: {
      description: '行政机关对违法行为已经作出处理决定，不再需要查封、扣押 (第三项).',
    },
    TERM_EXPIRED: {
      description:
        '查封、扣押期限已经届满 (第四项): on or after the due day only (before it BAD_USER_INPUT on input.reason).',
    },
    OTHER: { description: '其他不再需要采取查封、扣押措施的情形 (第五项).' },
  },
});

export const DisposalEnum = enumOf<Disposal>(DISPOSALS);
registerEnumType(DisposalEnum, {
  name: 'CompulsoryMeasureDisposal',
  description: 'How the goods were dealt with (处理, 行政强制法 第二十七条).',
  valuesMap: {
    CONFISCATED: {
      description: '没收: by the penalty decision of the finding’s case (没收非法财物).',
    },
    DESTROYED: { description: '销毁: as a law or administrative regulation provides.' },
    TRANSFERRED: { description: '移送: handed over with the matter to another authority.' },
  },
});

export const MeasureSuspensionReasonEnum = enumOf<MeasureSuspensionReason>(
  MEASURE_SUSPENSION_REASONS,
);
registerEnumType(MeasureSuspensionReasonEnum, {
  name: 'CompulsoryMeasureSuspensionReason',
  description:
    'Periods not counted in a measure’s 30 days (行政强制法 第二十五条第三款): 检测、检验, 检疫, 技术鉴定.',
  valuesMap: {
    TESTING: { description: '检测、检验' },
    QUARANTINE: { description: '检疫' },
    EXPERT_OPINION: { description: '技术鉴定' },
  },
});

export const MeasureOrderFieldEnum = { DUE_ON: 'DUE_ON', DECIDED_ON: 'DECIDED_ON' } as const;
registerEnumType(MeasureOrderFieldEnum, {
  name: 'CompulsoryMeasureOrderField',
  description: 'How the measures queue is sorted.',
  valuesMap: {
    DUE_ON: { description: 'By the due day of the clock (期限届满日).' },
    DECIDED_ON: { description: 'By the day decided (决定日期).' },
  },
});
