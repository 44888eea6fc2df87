import { z } from 'zod';
import { defineMethods } from './define';
import { agencyKind, empty, id, locationKind, okOut, optText, role, text } from './common.schemas';

export const agencyDto = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: agencyKind,
  parentId: z.number().nullable(),
});
export type AgencyDto = z.infer<typeof agencyDto>;

export const userDto = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  badgeNo: z.string().nullable(),
  agencyId: z.number(),
  agencyName: z.string(),
  roles: z.array(role),
  /** The store a custodian works in. */
  storeId: z.number().nullable(),
  storeName: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
});
export type UserDto = z.infer<typeof userDto>;

export const locationDto = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: locationKind,
  parentId: z.number().nullable(),
  /** The store (保管中心 or 分库) whose tree it is in. */
  storeId: z.number().nullable(),
  path: z.string(),
  active: z.boolean(),
  itemCount: z.number(),
});
export type LocationDto = z.infer<typeof locationDto>;

const username = z.string().regex(/^[A-Za-z0-9_.-]{3,30}$/, '用户名为 3–30 位字母、数字或 _ . -');

export const adminContract = defineMethods({
  'agency.list': { summary: '单位列表', permission: 'authenticated', input: empty, output: z.array(agencyDto), readonly: true },
  'agency.save': {
    summary: '新增或修改单位',
    permission: 'admin.manage',
    input: z.object({
      id: id.optional(),
      code: z.string().regex(/^[0-9A-Z]{6,12}$/, '单位代码为 6–12 位数字或大写字母'),
      name: text(100),
      kind: agencyKind,
      parentId: id.nullable().default(null),
    }),
    output: agencyDto,
  },
  'user.list': { summary: '用户列表', permission: 'admin.manage', input: empty, output: z.array(userDto), readonly: true },
  /** People who can witness or sign (a name list for pickers). */
  'user.directory': {
    summary: '人员名录',
    permission: 'authenticated',
    input: z.object({ agencyId: id.optional() }),
    output: z.array(z.object({ id: z.number(), displayName: z.string(), badgeNo: z.string().nullable(), agencyId: z.number(), roles: z.array(role) })),
    readonly: true,
  },
  'user.save': {
    summary: '新增或修改用户',
    permission: 'admin.manage',
    input: z.object({
      id: id.optional(),
      username,
      displayName: text(50),
      badgeNo: optText(30),
      agencyId: id,
      roles: z.array(role).min(1, '至少选择一个角色'),
      /** Required for custodians: the store they work in. */
      storeId: id.nullable().default(null),
      active: z.boolean().default(true),
    }),
    output: z.object({ user: userDto, initialPassword: z.string().optional() }),
  },
  'user.resetPassword': {
    summary: '重置密码',
    permission: 'admin.manage',
    input: z.object({ id }),
    output: z.object({ password: z.string() }),
  },
  'user.unlock': { summary: '解除锁定', permission: 'admin.manage', input: z.object({ id }), output: okOut },
  'location.list': { summary: '库位列表', permission: 'authenticated', input: empty, output: z.array(locationDto), readonly: true },
  'location.save': {
    summary: '新增或修改库位',
    permission: 'admin.manage',
    input: z.object({
      id: id.optional(),
      code: z.string().regex(/^[A-Z0-9-]{2,40}$/, '库位编码为 2–40 位大写字母、数字或 -'),
      name: text(100),
      kind: locationKind,
      parentId: id.nullable().default(null),
      active: z.boolean().default(true),
    }),
    output: locationDto,
  },
});
