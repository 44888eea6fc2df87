/** Who is signed in, shared with every page. */
import { createContext, useContext } from 'react';
import type { SessionUserDto } from '@shared/api/auth.contract';
import { hasPermission, type Permission } from '@shared/domain/permissions';

export type SessionState = { user: SessionUserDto; signOut(): Promise<void> };
export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionContext');
  return s;
}

export function useCan(): (p: Permission) => boolean {
  const { user } = useSession();
  return (p) => hasPermission(user.roles, p);
}
