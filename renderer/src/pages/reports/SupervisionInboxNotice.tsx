/** In the 待办 page of an addressed agency's approvers: how many supervision records wait for its answer. */
import { useEffect, useState } from 'react';
import { Alert } from 'antd';
import { Link } from 'react-router';
import { callQuiet } from '../../api/client';
import { useCan } from '../../app/session';

export function SupervisionInboxNotice() {
  const can = useCan();
  const allowed = can('supervision.answer');
  const [open, setOpen] = useState(0);
  useEffect(() => {
    if (allowed) void callQuiet('supervision.list', { openOnly: true }).then((r) => setOpen(r.filter((x) => x.status === 'OPEN').length)).catch(() => undefined);
  }, [allowed]);
  if (!allowed || open === 0) return null;
  return (
    <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="sv-inbox-notice"
      message={<>本单位有 {open} 件监督意见 / 纠正违法通知待回复整改情况，<Link to="/supervision-inbox">去处理 →</Link></>} />
  );
}
