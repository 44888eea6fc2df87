/**
 * Header indicator of the last refused or unknown scan: stays until the next scan, so a look away does not lose it;
 * but it belongs to the screen where it happened (cleared on navigation) and to its task (cleared by that task's success).
 */
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { Tag, Tooltip } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { onScanStatus, type ScanStatus as Status } from '../scanner';
import { onErrorsCleared } from './use-action';

export function ScanStatus() {
  const [status, setStatus] = useState<Status>(null);
  const { pathname } = useLocation();
  useEffect(() => onScanStatus(setStatus), []);
  useEffect(() => onErrorsCleared(() => setStatus(null)), []);
  // A scan that opens another page (request, item) navigates after the status was reset, so this only drops stale tags.
  useEffect(() => setStatus(null), [pathname]);
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
