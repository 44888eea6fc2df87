/**
 * 「导出 Excel」 for a list screen: starts the list's export job with the screen's current filters, shows its progress
 * bar beside the button (kept at 100% once done, until the next export), and hands the file over.
 */
import { useState } from 'react';
import { Button, Space } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { jobFile, type JobProgress, type JobStartInput } from '../api/jobs';
import { JobProgressBar } from './JobProgress';
import { deliverFile } from './deliver-file';
import { useAction } from './use-action';

export function ExportButton({ job, what, unit = ' 条', testId = 'export-xlsx' }: { job: () => JobStartInput; what: string; unit?: string; testId?: string }) {
  const [p, setP] = useState<JobProgress | null>(null);
  const { run, busy, message } = useAction();
  const go = async () => {
    setP({ state: 'queued', done: 0, total: 0 });
    const f = await run(() => jobFile(job(), setP));
    if (!f) return setP(null);
    message.success(await deliverFile(f, 'save'));
  };
  return (
    <Space size={8}>
      <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void go()} data-testid={testId}>
        导出 Excel
      </Button>
      {p && (
        <div data-testid={`${testId}-progress`}>
          <JobProgressBar p={p} label={p.state === 'done' ? `已导出${what}` : `正在导出${what}`} unit={unit} />
        </div>
      )}
    </Space>
  );
}
