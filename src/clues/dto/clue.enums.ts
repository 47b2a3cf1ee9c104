import { registerEnumType } from '@nestjs/graphql';
import { CLUE_CLOCK_KINDS, type ClueClockKind } from '../../cases/clocks';
import {
  CLUE_KINDS,
  CLUE_SOURCES,
  CLUE_STATUSES,
  INFORM_CHANNELS,
  type ClueKind,
  type ClueSource,
  type ClueStatus,
  type InformChannel,
} from '../clue.entity';

function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
}

export const ClueKindEnum = enumOf<ClueKind>(CLUE_KINDS);
registerEnumType(ClueKindEnum, {
  name: 'ClueKind',
  description: 'A complaint (投诉) or a report (举报), 市场监督管理投诉举报处理暂行办法 第三条.',
  valuesMap: {
    COMPLAINT: {
      description:
        '投诉: a consumer’s dispute with a business, to be accepted or refused (第十四条).',
    },
    REPORT: {
      description:
        '举报: a violation reported, verified under the enforcement procedure (程序规定 第十八条).',
    },
  },
});

export const ClueSourceEnum = enumOf<ClueSource>(CLUE_SOURCES);
registerEnumType(ClueSourceEnum, {
  name: 'ClueSource',
  description: 'How the clue came in (线索来源).',
  valuesMap: {
    PLATFORM_12315: { description: '全国12315平台 (online).' },
    HOTLINE_12315: { description: '12315 热线 (telephone).' },
    OTHER_HOTLINE: { description: '其他热线, e.g. 12345 政务服务便民热线.' },
    LETTER: { description: '信函.' },
    VISIT: { description: '走访 (in person at the bureau).' },
    TRANSFER: { description: '其他部门移送: transferred from another authority (named).' },
    SUPERVISION: { description: '上级交办: assigned by a higher authority.' },
  },
});

export const ClueStatusEnum = enumOf<ClueStatus>(CLUE_STATUSES);
registerEnumType(ClueStatusEnum, {
  name: 'ClueStatus',
  description:
    'Where a clue stands. Complaint: RECEIVED → ACCEPTED → CLOSED, or REFUSED, or TRANSFERRED. Report: RECEIVED → FILED / NOT_FILED → CLOSED (a named reporter told first), or TRANSFERRED.',
  valuesMap: {
    RECEIVED: { description: '已登记: received, no decision yet.' },
    ACCEPTED: { description: '已受理: a complaint accepted.' },
    REFUSED: { description: '不予受理: a complaint refused, with its reason (final).' },
    FILED: { description: '已立案: a report verified and a case filed.' },
    NOT_FILED: { description: '不予立案: a report verified, no case filed, with its reason.' },
    TRANSFERRED: { description: '已移送: sent to another authority (final).' },
    CLOSED: { description: '已办结 (final).' },
  },
});

export const InformChannelEnum = enumOf<InformChannel>(INFORM_CHANNELS);
registerEnumType(InformChannelEnum, {
  name: 'InformChannel',
  description: 'How the reporter was told (告知方式).',
  valuesMap: {
    PHONE: { description: '电话.' },
    SMS: { description: '短信.' },
    LETTER: { description: '书面.' },
    EMAIL: { description: '电子邮件.' },
    IN_PERSON: { description: '当面.' },
    PLATFORM: { description: '12315 平台反馈.' },
  },
});

export const ClueClockKindEnum = enumOf<ClueClockKind>(CLUE_CLOCK_KINDS);
registerEnumType(ClueClockKindEnum, {
  name: 'ClueClockKind',
  description: 'The legal clocks (期限) of a clue, on the case clocks’ engine and holiday table.',
  valuesMap: {
    CLUE_ACCEPTANCE: {
      description:
        '受理决定: 7 working days from receipt to accept or refuse a complaint (暂行办法 第十四条).',
    },
    CLUE_MEDIATION: {
      description:
        '调解: 45 working days from accepting a complaint; a mediation not agreed by then is ended (终止调解, 暂行办法 第二十一条), so the complaint is due to be closed. Met by closing it.',
    },
    CLUE_VERIFICATION: {
      description:
        '核查: 15 working days from receipt to verify a report and decide whether to file (程序规定 第十八条), extendable once by 15.',
    },
    CLUE_INFORMING: {
      description:
        '告知: 5 working days from the filing decision to tell a named reporter (暂行办法 第三十二条).',
    },
  },
});

export const ClueFilingOutcomeEnum = { FILED: 'FILED', NOT_FILED: 'NOT_FILED' } as const;
export type ClueFilingOutcome = keyof typeof ClueFilingOutcomeEnum;
registerEnumType(ClueFilingOutcomeEnum, {
  name: 'ClueFilingOutcome',
  description: 'The head’s decision after verifying a report (立案 or 不予立案).',
  valuesMap: {
    FILED: { description: '立案: a case was filed (name the case or the finding).' },
    NOT_FILED: { description: '不予立案: no case, with the reason.' },
  },
});

export const ClueOrderFieldEnum = { DUE_ON: 'DUE_ON', RECEIVED_ON: 'RECEIVED_ON' } as const;
registerEnumType(ClueOrderFieldEnum, {
  name: 'ClueOrderField',
  description: 'Orders of the clue work queue.',
  valuesMap: {
    DUE_ON: {
      description: 'The nearest open clock’s due day (overdue first ascending; none last).',
    },
    RECEIVED_ON: { description: 'The day received (收到日期).' },
  },
});
