/** Greets the user by name and role; areas add their own home widgets. */
import { Card, Space, Typography } from 'antd';
import { ROLE_LABELS } from '@shared/domain/enums';
import { useSession } from '../app/session';
import { homeWidgets } from './home-widgets';

export function HomePage() {
  const { user } = useSession();
  const hour = new Date().getHours();
  const greet = hour < 11 ? '上午好' : hour < 13 ? '中午好' : hour < 18 ? '下午好' : '晚上好';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="greeting">
          {greet}，{user.displayName}（{user.roles.map((r) => ROLE_LABELS[r]).join('、')}）
        </Typography.Title>
        <Typography.Text type="secondary">{user.agencyName}</Typography.Text>
      </Card>
      {homeWidgets.map((W, i) => (
        <W key={i} />
      ))}
    </Space>
  );
}
