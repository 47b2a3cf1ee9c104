import type { progressEn } from '../en/progress';

/** 工作进展：进展统计、统计表导出与结束专项整治行动。 */
export const progressZh: Record<keyof typeof progressEn, string> = {
  'progress.unknownCategoryCode': '整治对象类别代码不存在',
  'progress.closeNotActive': '当前状态（{status}）下不能结束，只有进行中的专项整治行动才能结束',
  'progress.openFindings':
    '该专项整治行动尚有{count}个问题未处置完毕（整改未完成，或未作不予立案决定、案件未结案），请先处置完毕，或设置 {field} 结转后再结束',
  'progress.openFindingsWithMeasures':
    '该专项整治行动尚有{count}个问题未处置完毕（整改未完成，或未作不予立案决定、案件未结案，或查封、扣押尚未解除：其中{measures}个），请先处置完毕，或设置 {field} 结转后再结束',
};
