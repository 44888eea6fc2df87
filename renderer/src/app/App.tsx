/** Decides between first-run setup, login and the signed-in shell. */
import { useCallback, useEffect, useState } from 'react';
import { App as AntApp, Spin } from 'antd';
import { call, onApiError } from '../api/client';
import type { SessionUserDto } from '@shared/api/auth.contract';
import { SessionContext } from './session';
import { LoginPage } from '../pages/LoginPage';
import { SetupPage } from '../pages/SetupPage';
import { ForcedPasswordChange } from '../pages/ForcedPasswordChange';
import { Shell } from './Shell';
import { bindScanMessage } from '../scanner';

type Phase = { kind: 'loading' } | { kind: 'setup' } | { kind: 'login' } | { kind: 'in'; user: SessionUserDto; mustChangePassword: boolean };

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const { message } = AntApp.useApp();
  // Scan messages use the app's themed instance (the static one can render outside the theme, or late).
  useEffect(() => {
    bindScanMessage(message);
    return () => bindScanMessage(null);
  }, [message]);

  const refresh = useCallback(async () => {
    // Both at once: a signed-out first screen should not wait for two round trips in a row.
    const [me, status] = await Promise.allSettled([call('auth.me', {}), call('setup.status', {})]);
    if (me.status === 'fulfilled') return setPhase({ kind: 'in', user: me.value, mustChangePassword: me.value.mustChangePassword });
    const needsAdmin = status.status === 'fulfilled' && status.value.needsAdmin;
    setPhase(needsAdmin ? { kind: 'setup' } : { kind: 'login' });
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onApiError((err, method) => {
        if (err.code === 'UNAUTHENTICATED' && method !== 'auth.login' && method !== 'auth.me') {
          message.warning(err.message);
          setPhase({ kind: 'login' });
        }
        if (err.code === 'PASSWORD_CHANGE_REQUIRED') void refresh();
      }),
    [message, refresh],
  );

  if (phase.kind === 'loading') return <Spin fullscreen tip="正在连接…" />;
  if (phase.kind === 'setup') return <SetupPage onDone={() => setPhase({ kind: 'login' })} />;
  if (phase.kind === 'login') return <LoginPage onSignedIn={(user, mustChangePassword) => setPhase({ kind: 'in', user, mustChangePassword })} />;
  const signOut = async () => {
    await call('auth.logout', {}).catch(() => undefined);
    setPhase({ kind: 'login' });
  };
  // Until an initial or reset password is changed the server refuses everything else, so nothing else is shown.
  if (phase.mustChangePassword) return <ForcedPasswordChange user={phase.user} onChanged={refresh} onSignOut={signOut} />;
  return (
    <SessionContext.Provider value={{ user: phase.user, signOut }}>
      <Shell mustChangePassword={false} />
    </SessionContext.Provider>
  );
}
