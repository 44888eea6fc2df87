/** The header's reminder of where this terminal's data lives (本机数据库 / 服务器 / 浏览器模式). */
import { useEffect, useState } from 'react';
import { Tag, Tooltip } from 'antd';
import { describeConnection, getConnection, type Connection } from './connection-bridge';

export function ConnectionTag() {
  const [c, setC] = useState<Connection | null | undefined>(undefined);
  useEffect(() => {
    void getConnection().then(setC, () => setC(null));
  }, []);
  if (c === undefined) return null;
  const text = describeConnection(c);
  const short = c === null ? window.location.host : c.mode === 'local' ? '本机' : new URL(c.serverUrl).host;
  return (
    <Tooltip title={text}>
      <Tag data-testid="connection-tag" color={c?.mode === 'local' ? 'default' : 'geekblue'} style={{ marginInlineEnd: 0 }}>
        {short}
      </Tag>
    </Tooltip>
  );
}
