import type { authEn } from '../en/auth';

/** 登录与访问令牌。 */
export const authZh: Record<keyof typeof authEn, string> = {
  'auth.loginFailed': '执法证号或密码错误，或该账号已停用',
  'auth.tokenExpired': '未登录或登录已失效，请重新登录',
  'auth.tokenInvalid': '未登录或登录已失效，请重新登录',
  'auth.officerInactive': '未登录或登录已失效，请重新登录',
};
