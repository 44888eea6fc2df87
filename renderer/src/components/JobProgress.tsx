/** Progress of a background job (antd Progress): percent once the total is known, an empty active bar before. */
import { Progress, Typography } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { jobPercent, type JobProgress } from '../api/jobs';

/** `unit` (「条」「件」): also show done / total in that unit; without it, the percent only. */
export function JobProgressBar({ p, label, unit }: { p: JobProgress; label: string; unit?: string }) {
  const percent = jobPercent(p);
  const count = p.state === 'queued' ? '排队中' : unit && p.total > 0 ? `${p.done.toLocaleString('zh-CN')} / ${p.total.toLocaleString('zh-CN')}${unit}` : '';
  return (
    <div data-testid="job-progress" style={{ minWidth: 260 }}>
      <Typography.Text>
        {label}
        {count && `（${count}）`}
      </Typography.Text>
      <Progress percent={percent ?? 0} status={p.state === 'failed' ? 'exception' : 'active'} showInfo={percent !== null} size="small" />
    </div>
  );
}

/** The same bar in a toast that stays until the job ends (pages without a dialog: export, case trail). */
export function showJobToast(message: MessageInstance, key: string, label: string, unit?: string) {
  return (p: JobProgress) => void message.open({ key, type: 'loading', content: <JobProgressBar p={p} label={label} unit={unit} />, duration: 0 });
}
