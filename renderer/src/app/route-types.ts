import type { ReactNode } from 'react';
import type { Permission } from '@shared/domain/permissions';

export type AppRoute = {
  path: string;
  element: ReactNode;
  /** Shown in the side menu when set. */
  menu?: { label: string; icon?: ReactNode; group: '工作台' | '库房作业' | '案件与申请' | '监督' | '系统管理'; order?: number };
  /** The route (and its menu entry) needs this permission. */
  permission: Permission;
  /** Show the menu entry only to users holding at least one of these (the route itself stays reachable). */
  menuIfAny?: Permission[];
  /** Key of a badge counter shown next to the menu label (see inbox counts). */
  badge?: string;
};
