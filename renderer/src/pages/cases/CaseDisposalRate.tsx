/** The case page's 财产处置到位率: items disposed of or returned / the case's items; says whether the statistics count the case (执行 or 结案). */
import { useEffect, useState } from 'react';
import { Progress, Space, Tooltip, Typography } from 'antd';
import type { CaseRateDto } from '@shared/api/report.contract';
import { CASE_STAGE_LABELS } from '@shared/domain/enums';
import { callQuiet } from '../../api/client';

export function CaseDisposalRate({ caseId, version }: { caseId: number; /** Bump to reload (after a stage change). */ version?: number }) {
  const [r, setR] = useState<CaseRateDto | null>(null);
  useEffect(() => {
    let live = true;
    void callQuiet('case.disposalRate', { caseId })
      .then((x) => live && setR(x))
      .catch(() => live && setR(null));
    return () => {
      live = false;
    };
  }, [caseId, version]);
  if (!r) return null;
  const note = r.counted ? `本案处于「${CASE_STAGE_LABELS[r.stage]}」阶段，计入统计报表的处置到位率` : `本案处于「${CASE_STAGE_LABELS[r.stage]}」阶段；进入执行或结案后才计入统计报表的处置到位率`;
  return (
    <Space size={8} data-testid="case-disposal-rate">
      <Typography.Text type="secondary">财产处置到位率</Typography.Text>
      <Tooltip title={note}>
        <Progress type="line" size="small" style={{ width: 140, margin: 0 }} percent={r.rate ?? 0} format={() => (r.rate === null ? '—' : `${r.rate.toFixed(2)}%`)} />
      </Tooltip>
      <Typography.Text data-testid="case-disposal-count">{`已处置或发还 ${r.done} / ${r.total} 件`}</Typography.Text>
      {!r.counted && <Typography.Text type="secondary">（未到执行阶段，不计入统计）</Typography.Text>}
    </Space>
  );
}
