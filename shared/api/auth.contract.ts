import { z } from 'zod';
import { defineMethods } from './define';
import { empty, okOut, role, text } from './common.schemas';

export const sessionUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  badgeNo: z.string().nullable(),
  agencyId: z.number(),
  agencyName: z.string(),
  agencyKind: z.string(),
  roles: z.array(role),
  /** The store a custodian works in (保管中心 or 分库). */
  storeId: z.number().nullable(),
  storeName: z.string().nullable(),
  /** Initial or reset password still in use: every method but changing it (and signing out) is refused. */
  mustChangePassword: z.boolean(),
});
export type SessionUserDto = z.infer<typeof sessionUser>;

const password = z.string().min(8, '密码至少 8 位').max(128);

export const authContract = defineMethods({
  'auth.login': {
    summary: '登录',
    permission: 'public',
    input: z.object({ username: text(50), password: z.string().min(1).max(128) }),
    output: z.object({ token: z.string(), user: sessionUser, mustChangePassword: z.boolean() }),
  },
  'auth.logout': { summary: '退出登录', permission: 'authenticated', input: empty, output: okOut },
  'auth.me': { summary: '当前用户', permission: 'authenticated', input: empty, output: sessionUser, readonly: true },
  'auth.changePassword': {
    summary: '修改密码',
    permission: 'authenticated',
    input: z.object({ oldPassword: z.string().min(1).max(128), newPassword: password }),
    output: okOut,
  },
  'setup.status': {
    summary: '是否需要初始化',
    permission: 'public',
    input: empty,
    output: z.object({ needsAdmin: z.boolean() }),
    readonly: true,
  },
  'setup.createAdmin': {
    summary: '首次启动：创建管理员',
    permission: 'public',
    input: z.object({
      agencyName: text(100),
      agencyCode: z.string().regex(/^[0-9A-Z]{6,12}$/, '单位代码为 6–12 位数字或大写字母'),
      username: z.string().regex(/^[A-Za-z0-9_.-]{3,30}$/, '用户名为 3–30 位字母、数字或 _ . -'),
      displayName: text(50),
      password,
    }),
    output: okOut,
  },
});
