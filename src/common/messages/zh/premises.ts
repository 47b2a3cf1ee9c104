import type { premisesEn } from '../en/premises';

/** 市场主体：名录导入的逐行检查结果，写给修改表格的录入人员。 */
export const premisesZh: Record<keyof typeof premisesEn, string> = {
  'premises.import.nameMissing': '缺少名称',
  'premises.import.nameTooLong': '名称超过{max}个字符',
  'premises.import.addressMissing': '缺少地址',
  'premises.import.addressTooLong': '地址超过{max}个字符',
  'premises.import.unknownKind': '市场主体类型"{kind}"无效',
  'premises.import.unknownRiskLevel': '风险等级"{riskLevel}"无效（应为A、B、C或D）',
  'premises.import.unknownBureau': '执法单位代码"{code}"不存在',
  'premises.import.bureauMissing': '缺少执法单位代码',
  'premises.import.creditCodeLength': '统一社会信用代码"{code}"应为18位，实际为{length}位',
  'premises.import.creditCodeCharacter':
    '统一社会信用代码"{code}"含有不允许的字符"{character}"（只能是数字和除I、O、S、V、Z以外的大写字母）',
  'premises.import.creditCodeDivision':
    '统一社会信用代码"{code}"第3至8位应为6位数字的登记管理机关行政区划码，实际为"{division}"',
  'premises.import.creditCodeOrganisation':
    '统一社会信用代码"{code}"第9至17位主体标识码（组织机构代码）{organisation}校验码错误（第17位应为{expected}）',
  'premises.import.creditCodeCheck': '统一社会信用代码"{code}"校验位错误（最后一位应为{expected}）',
  'premises.import.unknownLicenceKind': '许可证类型"{kind}"无效',
  'premises.import.licenceNumberMissing': '许可证（{kind}）缺少编号',
  'premises.import.licenceValidity': '许可证{number}的有效期"{validUntil}"不是YYYY-MM-DD格式的日期',
  'premises.import.foodProductionNumber': '食品生产许可证编号"{number}"应为SC加14位数字',
  'premises.import.pharmacistsNotPharmacy': '只有药店可以登记执业药师注册证（本行类型为{kind}）',
  'premises.import.coordinatesBoth': '经纬度须同时填写或同时留空',
  'premises.import.coordinatesNotNumbers': '经纬度必须是以度为单位的数字，如 38.4872 和 106.2309',
  'premises.import.latitudeRange': '纬度{latitude}不在-90到90之间',
  'premises.import.longitudeRange': '经度{longitude}不在-180到180之间',
  'premises.import.otherCreditCode':
    '已登记同名同址的市场主体，其统一社会信用代码为{creditCode}；请核对代码或名称、地址',
};
