/** Shown instead of the desk while an initial or reset password is in use: the server refuses everything else. */
import { Alert, Button, Typography } from 'antd';
import type { SessionUserDto } from '@shared/api/auth.contract';
import { ChangePasswordPage } from './admin/ChangePasswordPage';

export function ForcedPasswordChange({ user, onChanged, onSignOut }: { user: SessionUserDto; onChanged(): void; onSignOut(): void }) {
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <div style={{ width: 480 }}>
        <Typography.Title level={4}>
          {user.displayName}（{user.agencyName}）
        </Typography.Title>
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title="您正在使用初始密码或管理员重置的密码"
          description="管理员知道这个密码。为保证流转记录中的签名确属本人，请先设置只有您知道的新密码，之后才能办理业务。"
        />
        <ChangePasswordPage onChanged={onChanged} />
        <Button type="link" onClick={onSignOut} style={{ paddingLeft: 0, marginTop: 8 }}>
          退出登录
        </Button>
      </div>
    </div>
  );
}
