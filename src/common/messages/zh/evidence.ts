import type { evidenceEn } from '../en/evidence';

/** 证据文件：通过 REST 上传和下载。 */
export const evidenceZh: Record<keyof typeof evidenceEn, string> = {
  'evidence.sha256': '必须是64位小写十六进制字符',
  'evidence.hashMismatch': '收到的文件内容的 SHA-256 为 {received}，与路径中的不一致',
  'evidence.tooLarge': '证据文件不能超过{max}字节',
  'evidence.unsupportedMediaType': '文件内容不是可接收的图片或 PDF 文档',
};
