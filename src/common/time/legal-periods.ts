/**
 * The legal periods (法定期限) the service times, each once, with the article it comes from.
 * Working days skip weekends and public holidays and count make-up working days (调休上班), by the
 * holiday table (src/common/time/working-days.ts); a period's first day is not counted
 * (期间开始之日不计算在内).
 */

/**
 * 市场监督管理行政处罚程序规定 (国家市场监督管理总局令第2号, 2019-04-01) 第十八条: whether to file a
 * case (立案) is decided within 15 working days of finding the clue.
 */
export const FILING_DECISION_WORKING_DAYS = 15;

/**
 * 市场监督管理行政处罚程序规定 第六十四条 (2019): a penalty decision is made within 90 days of filing
 * the case (立案).
 */
export const PENALTY_DECISION_DAYS = 90;
