import type { findingsEn } from '../en/findings';

/** 发现问题：添加问题，以及对问题内容的检查。 */
export const findingsZh: Record<keyof typeof findingsEn, string> = {
  'findings.sweepNotActive': '专项整治行动当前状态为“{status}”，只有进行中时才能添加问题',
  'findings.unknownViolationType': '问题类型不存在',
  'findings.productNotOfSweep': '不是该专项行动所涉曝光事件的产品',
  'findings.evidenceMediaType': '文件类型必须是图片或 PDF',
  'findings.evidenceSha256': '必须是64位小写十六进制字符',
};
