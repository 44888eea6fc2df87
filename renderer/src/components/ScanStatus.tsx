/** Header indicator of the last refused or unknown scan: stays until the next scan, so a look away does not lose it. */
import { useEffect, useState } from 'react';
import { Tag, Tooltip } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { onScanStatus, type ScanStatus as Status } from '../scanner';

export function ScanStatus() {
  const [status, setStatus] = useState<Status>(null);
  useEffect(() => onScanStatus(setStatus), []);
  if (!status) return null;
  return (
    <Tooltip title={status.text}>
      <Tag
        color="error"
        icon={<WarningOutlined />}
        closable
        onClose={() => setStatus(null)}
        data-testid="scan-status"
        style={{ maxWidth: 420, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', verticalAlign: 'middle' }}
      >
        {status.code ? `扫描未通过：${status.code}` : status.text}
      </Tag>
    </Tooltip>
  );
}
