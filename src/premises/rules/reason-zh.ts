/**
 * The import's rejection reasons in Chinese, for clerks who read the response in the default
 * language. The reasons are written in English by the row checks; each pattern here gives the
 * same sentence in Chinese. A reason no pattern knows stays as it is.
 */
const REASONS: [RegExp, string][] = [
  [/^name \(名称\) is missing$/, '缺少名称'],
  [/^name \(名称\) is longer than (\d+) characters$/, '名称超过$1个字符'],
  [/^address \(地址\) is missing$/, '缺少地址'],
  [/^address \(地址\) is longer than (\d+) characters$/, '地址超过$1个字符'],
  [/^unknown kind "(.*)" \(one of .*\)$/, '市场主体类型"$1"无效'],
  [/^unknown risk level "(.*)" \(A, B, C or D\)$/, '风险等级"$1"无效（应为A、B、C或D）'],
  [/^unknown bureau code "(.*)"$/, '执法单位代码"$1"不存在'],
  [/^bureau code is missing$/, '缺少执法单位代码'],
  [
    /^统一社会信用代码 must be 18 characters, got (\d+): "(.*)"$/,
    '统一社会信用代码"$2"应为18位，实际为$1位',
  ],
  [
    /^统一社会信用代码 contains "(.*)", which is not allowed .*: "(.*)"$/,
    '统一社会信用代码"$2"含有不允许的字符"$1"（只能是数字和除I、O、S、V、Z以外的大写字母）',
  ],
  [
    /^统一社会信用代码 check character is wrong \(the last character should be (.)\): "(.*)"$/,
    '统一社会信用代码"$2"校验位错误（最后一位应为$1）',
  ],
  [/^unknown licence kind "(.*)" \(one of .*\)$/, '许可证类型"$1"无效'],
  [/^a (\w+) licence has no number$/, '许可证（$1）缺少编号'],
  [
    /^licence (.*): validity "(.*)" is not a day YYYY-MM-DD$/,
    '许可证$1的有效期"$2"不是YYYY-MM-DD格式的日期',
  ],
  [
    /^food production licence number \(食品生产许可证\) "(.*)" must be SC followed by 14 digits$/,
    '食品生产许可证编号"$1"应为SC加14位数字',
  ],
  [
    /^pharmacist registrations \(执业药师注册证\) are only for a PHARMACY, not a (\w+)$/,
    '只有药店可以登记执业药师注册证（本行类型为$1）',
  ],
  [/^coordinates need both latitude and longitude, or neither$/, '经纬度须同时填写或同时留空'],
  [
    /^latitude and longitude must be numbers in degrees.*$/,
    '经纬度必须是以度为单位的数字，如 38.4872 和 106.2309',
  ],
  [/^latitude (.*) is not between -90 and 90$/, '纬度$1不在-90到90之间'],
  [/^longitude (.*) is not between -180 and 180$/, '经度$1不在-180到180之间'],
  [
    /^a premises with this name and address is on record with another credit code \((.*)\); .*$/,
    '已登记同名同址的市场主体，其统一社会信用代码为$1；请核对代码或名称、地址',
  ],
];

export function reasonInChinese(reason: string): string {
  for (const [pattern, chinese] of REASONS) {
    if (pattern.test(reason)) return reason.replace(pattern, chinese);
  }
  return reason;
}
