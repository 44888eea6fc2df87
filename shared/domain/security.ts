/** Security log event kinds and their Chinese names; the password rule (等保三级). Pure TS. */

export const SECURITY_EVENT_KINDS = [
  'login',
  'login_failed',
  'lockout',
  'login_locked',
  'logout',
  'password_changed',
  'password_reset',
  'user_created',
  'user_changed',
  'user_unlocked',
  'witness_failed',
  'permission_denied',
  'ledger_check',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

export const SECURITY_EVENT_LABELS: Record<SecurityEventKind, string> = {
  login: '登录成功',
  login_failed: '登录失败',
  lockout: '锁定',
  login_locked: '锁定期间登录',
  logout: '退出登录',
  password_changed: '修改密码',
  password_reset: '重置密码',
  user_created: '新建用户',
  user_changed: '用户变更',
  user_unlocked: '解除锁定',
  witness_failed: '见证密码错误',
  permission_denied: '越权被拒',
  ledger_check: '账本校验',
};

/** The minimum the password rule asks for. */
export const PASSWORD_MIN_LENGTH = 8;

/**
 * What is wrong with a new password, in Chinese, or null when it is acceptable: at least 8 characters, at least three
 * of the four classes (upper case, lower case, digits, other characters), and not the username (in any case, or reversed).
 */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、其他符号中的至少三类';
  const p = password.toLowerCase();
  const u = username.toLowerCase();
  if (u && (p.includes(u) || p.includes([...u].reverse().join('')))) return '密码不能包含用户名';
  return null;
}
