import type { selectionEn } from '../en/selection';

/** 双随机、一公开：抽查计划、回避声明、抽查结果与公示。 */
export const selectionZh: Record<keyof typeof selectionEn, string> = {
  'entity.ConflictOfInterestDeclaration': '回避声明',
  'selection.categoryCode': '必须是整治对象类别代码（大写字母、数字或下划线）',
  'selection.categoryNotCovered': '不是该专项整治行动涵盖的整治对象类别',
  'selection.sweepNotDrawable':
    '当前状态（{from}）下不能抽取检查计划：只能为草拟或进行中的专项整治行动抽取',
  'selection.fewerThanTwoOfficers': '该执法单位在岗的检查人员不足两名，无法选派（两名执法人员）',
  'selection.ratio': '必须是0至1之间、最多四位小数的比例，例如0.05',
  'selection.ratioOrCount': '抽查比例和抽取户数须且只能填写一项',
  'selection.duplicateClass': '同一风险等级只能填写一次',
  'selection.nothingToDraw': '按此抽查比例抽不到任何市场主体，请提高比例或户数',
  'selection.tooManyToDraw':
    '按此抽查比例将抽取{drawn}户，超过一份抽查计划最多{max}户的上限，请降低比例或户数',
  'selection.bindingPlanExists':
    '该专项整治行动、执法单位和整治对象类别已有有效的抽查计划；再次抽取属于重新抽取，须说明理由',
  'selection.nothingToRedraw': '尚无有效的抽查计划，无需重新抽取，请勿填写重新抽取理由',
  'selection.redrawAfterResults': '有效抽查计划已录入抽查结果，不能再重新抽取',
  'selection.planSuperseded': '该抽查计划已被重新抽取的计划取代，请在有效计划上录入',
  'selection.planPublished': '该抽查计划的抽查结果已经公示',
  'selection.resultsPending': '该抽查计划尚有抽查对象未录入抽查结果',
  'selection.noSuchVisit': '该抽查计划没有这一序号的抽查对象',
  'selection.beforeDraw': '不得早于抽取日期（{day}）',
  'selection.inFuture': '不得晚于今天',
  'selection.beforeLastResult': '不得早于最后一项抽查结果的形成日期（{day}）',
  'selection.inspectionNotOfVisit': '不是该抽查对象在本专项整治行动中的有效检查记录',
  'selection.reasonTextRequired': '回避事由为“其他”时必须填写说明',
  'selection.declarationOpen': '该执法人员对该市场主体已有生效的回避声明',
  'selection.declarationWithdrawn': '该回避声明已经撤销',
  'selection.withdrawnBeforeInForce': '不得早于回避声明的生效日期（{day}）',
  'selection.declareForOthers': '只有执法单位负责人或市局管理人员可以为其他执法人员申报回避',
  'selection.result.NO_PROBLEM_FOUND': '未发现问题',
  'selection.result.NO_RELEVANT_ACTIVITY': '未发现开展本次抽查涉及的经营活动',
  'selection.result.PROBLEM_CORRECTED_ON_ORDER': '发现问题已责令改正',
  'selection.result.PROBLEM_PENDING_FOLLOW_UP': '发现问题待后续处理',
  'selection.result.UNREACHABLE_AT_REGISTERED_ADDRESS': '通过登记的住所（经营场所）无法联系',
  'selection.result.REFUSED_INSPECTION': '不配合检查',
  'selection.unassigned.CONFLICT_OF_INTEREST': '未选派：回避人员过多',
  'selection.unassigned.ROTATION': '未选派：轮换限制',
  'selection.unassigned.LOAD_CAP': '未选派：已达工作量上限',
};
