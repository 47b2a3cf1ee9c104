import type { GraphQLFormattedError } from 'graphql';

/**
 * Error messages in the inspectors' language. The service speaks Chinese by default and English
 * with `Accept-Language: en`; codes, `extensions` and field paths never change, only `message`
 * and the `message` of each field.
 */
export type Language = 'zh' | 'en';

/** The first language of Accept-Language that we speak; Chinese when none. */
export function languageOf(acceptLanguage: string | null | undefined): Language {
  if (!acceptLanguage) return 'zh';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...parameters] = part.trim().toLowerCase().split(';');
      const quality = parameters.find((parameter) => parameter.trim().startsWith('q='));
      return { tag, quality: quality ? Number(quality.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.quality))
    .sort((a, b) => b.quality - a.quality);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh';
}

const ENTITY_NAMES: Record<string, string> = {
  Premises: '市场主体',
  Finding: '问题记录',
  Inspection: '检查记录',
  Sweep: '专项整治行动',
  Officer: '执法人员',
  Bureau: '执法单位',
  Exposure: '曝光事件',
  TargetCategory: '整治对象类别',
  InspectionPlan: '抽查计划',
};

const STATUS_NAMES: Record<string, string> = {
  DRAFT: '草拟',
  ACTIVE: '进行中',
  CLOSED: '已结束/已结案',
  OPEN: '待处置',
  RECTIFYING: '整改中',
  RESOLVED: '已整改',
  CASE_FILED: '已立案',
  PENALIZED: '已处罚',
  TRANSFERRED: '已移送公安',
  VOIDED: '已作废',
};

const ACTION_NAMES: Record<string, string> = {
  RECTIFICATION_ORDERED: '责令整改',
  REINSPECTION_PASSED: '复查通过',
  REINSPECTION_FAILED: '复查未通过',
  CASE_FILED: '立案',
  PENALTY_DECIDED: '作出处罚决定',
  TRANSFERRED_TO_POLICE: '移送公安',
  CLOSED: '结案',
  ACTIVATE: '启动',
  CLOSE: '结束',
  ASSIGN: '分配任务',
  VOID: '作废',
  LOG_INSPECTION: '录入检查',
  ADD_FINDING: '添加问题',
};

/** Field messages: class-validator's defaults and the service's own sentences, as patterns. */
const FIELD_MESSAGES: [RegExp, (match: RegExpExecArray) => string][] = [
  [/must be a UUID|must be UUIDs|must be a UUID/i, () => '必须是有效的 UUID'],
  [
    /must be (?:at least|longer than or equal to) (\d+) characters?/i,
    (m) => `长度不能少于${m[1]}个字符`,
  ],
  [/must be shorter than or equal to (\d+) characters?/i, (m) => `长度不能超过${m[1]}个字符`],
  [/must contain at least (\d+) elements?/i, (m) => `至少需要${m[1]}项`],
  [/must contain no more than (\d+) elements?/i, (m) => `最多${m[1]}项`],
  [/must not be less than (-?[\d.]+)/i, (m) => `不能小于${m[1]}`],
  [/must not be greater than (-?[\d.]+)/i, (m) => `不能大于${m[1]}`],
  [/must be 6 digits/i, () => '必须是6位数字'],
  [/must be 1 to (\d+) letters, digits, - or _/i, (m) => `必须是1至${m[1]}位字母、数字、-或_`],
  [/must not be (?:empty|blank)|should not be empty/i, () => '不能为空'],
  [
    /must be one of the following values|must be a valid enum value|must be one of/i,
    () => '取值无效',
  ],
  [
    /all elements must be unique|must not name an officer twice|is answered twice/i,
    () => '不能重复',
  ],
  [
    /must name at least two (?:distinct )?officers|needs at least two officers/i,
    () => '至少需要两名不同的在岗执法人员',
  ],
  [/must include you/i, () => '录入人必须是在场执法人员之一'],
  [/must not be in the future|must not be after today/i, () => '不能晚于当前时间'],
  [/must not be before (\S+)/i, (m) => `不能早于${m[1]}`],
  [/must not be before startDate/i, () => '结束日期不能早于开始日期'],
  [/is not a category of this sweep/i, () => '不属于该专项行动的整治类别'],
  [/is not a known violation type/i, () => '问题类型不存在'],
  [/is not a product of an exposure of this sweep/i, () => '不是该专项行动所涉曝光事件的产品'],
  [/is not a cursor of this list/i, () => '分页游标无效'],
  [/no such (\w+)/i, () => '记录不存在'],
  [/must be 64 lowercase hexadecimal characters/i, () => '必须是64位小写十六进制字符'],
  [/must be image\/\* or application\/pdf/i, () => '文件类型必须是图片或 PDF'],
  [
    /is required when the re-inspection did not pass/i,
    () => '复查未通过时必须给出新的整改期限（如需立案请使用立案操作）',
  ],
  [/must be empty when the re-inspection passed/i, () => '复查通过时不应填写新的整改期限'],
  [/unknown target category (\S+)/i, (m) => `整治对象类别代码 ${m[1]} 不存在`],
  [/unknown category code|is not a target category/i, () => '整治对象类别代码不存在'],
  [/must not contain the NUL character/i, () => '不能包含空字符（\\u0000）'],
  [/must be well-formed Unicode/i, () => '包含无效的 Unicode 字符（孤立代理项）'],
  [
    /must be a non-negative amount of yuan with at most two decimals/i,
    () => '金额必须是不为负、最多两位小数的元数，如 "35000.00"',
  ],
  [/must be a calendar day YYYY-MM-DD/i, () => '必须是 YYYY-MM-DD 格式的日期'],
  [/must be an ISO 8601 instant/i, () => '必须是带时区的 ISO 8601 时间，如 2019-03-15T02:30:00Z'],
  [/credit code/i, () => '统一社会信用代码无效'],
  [/Expected type|cannot represent|got invalid value/i, () => '格式不正确'],
];

function localizeFieldMessage(message: string): string {
  for (const [pattern, translate] of FIELD_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return translate(match);
  }
  return message;
}

interface ErrorExtensions {
  code?: string;
  fields?: { path: string; message: string }[];
  entity?: string;
  from?: string;
  action?: string;
  retryAfterSeconds?: number;
  idempotencyKey?: string;
  currentVersion?: number;
}

function chineseMessage(
  error: GraphQLFormattedError,
  extensions: ErrorExtensions,
): string | undefined {
  switch (extensions.code) {
    case 'UNAUTHENTICATED':
      return error.path?.[0] === 'login'
        ? '执法证号或密码错误，或该账号已停用'
        : '未登录或登录已失效，请重新登录';
    case 'FORBIDDEN':
      return '您的角色无权执行此操作';
    case 'BAD_USER_INPUT': {
      const paths = (extensions.fields ?? []).map((field) => field.path).filter(Boolean);
      return paths.length ? `输入有误：${paths.join('、')}` : '输入有误';
    }
    case 'NOT_FOUND':
      return `未找到该${(extensions.entity && ENTITY_NAMES[extensions.entity]) ?? '记录'}，或不在您的管辖范围内`;
    case 'CONFLICT':
      if (extensions.idempotencyKey) return '该幂等键已用于另一个不同的请求';
      if (extensions.currentVersion !== undefined) return '该记录已被他人修改，请刷新后重试';
      return '与已有记录冲突：记录已存在';
    case 'INVALID_STATE': {
      const from = extensions.from ? (STATUS_NAMES[extensions.from] ?? extensions.from) : '当前';
      const action = extensions.action
        ? (ACTION_NAMES[extensions.action] ?? extensions.action)
        : '此操作';
      return `当前状态（${from}）下不能${action}`;
    }
    case 'TOO_MANY_REQUESTS':
      return `尝试次数过多，请${extensions.retryAfterSeconds ?? 60}秒后再试`;
    case 'SERVICE_UNAVAILABLE':
      return '服务暂时不可用，请稍后用同一幂等键重试';
    case 'INTERNAL_SERVER_ERROR':
      return '服务器内部错误';
    default:
      return undefined;
  }
}

/** The error as the caller's language says it; English is the service's own wording. */
export function localizeError(
  error: GraphQLFormattedError,
  language: Language,
): GraphQLFormattedError {
  if (language === 'en') return error;
  const extensions = (error.extensions ?? {}) as ErrorExtensions;
  const message = chineseMessage(error, extensions);
  if (!message) return error;
  const fields = extensions.fields?.map((field) => ({
    path: field.path,
    message: localizeFieldMessage(field.message),
  }));
  return {
    ...error,
    message,
    extensions: { ...error.extensions, ...(fields ? { fields } : {}) },
  };
}
