import type { exposuresEn } from '../en/exposures';

/** 曝光事件及被曝光产品。 */
export const exposuresZh: Record<keyof typeof exposuresEn, string> = {
  'exposures.unknownCategory': '整治对象类别代码 {code} 不存在',
};
