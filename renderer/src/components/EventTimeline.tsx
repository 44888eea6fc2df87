/** The custody timeline of an item (newest first): who, with whom, witnesses, when, where from→to, agency from→to, doc no., note. */
import { Table, Tag, Typography } from 'antd';
import type { EventDto } from '@shared/api/item.contract';
import { EVENT_TYPE_LABELS } from '@shared/domain/enums';
import { fmtTime } from './labels';

/** From → to, only when something moved (no 「中心 → 中心」). */
const arrow = (a: string | null, b: string | null) => (a === b || (!a && !b) ? '' : `${a ?? '—'} → ${b ?? '—'}`);
const person = (p: { name: string; idNo: string | null } | null) => (p ? `${p.name}${p.idNo ? `（${p.idNo}）` : ''}` : '');

export function EventTimeline({ events, loading, height = 360 }: { events: EventDto[]; loading?: boolean; height?: number | string }) {
  const rows = [...events].sort((a, b) => b.seq - a.seq);
  // Columns that would be empty for every row are left out, so 说明 gets the room.
  const anyDoc = rows.some((e) => e.legalDocNo);
  const anyAgency = rows.some((e) => arrow(e.agencyFrom, e.agencyTo));
  return (
    <Table<EventDto>
      data-testid="timeline"
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ y: height }}
      columns={[
        { title: '#', dataIndex: 'seq', width: 56 },
        { title: '时间', dataIndex: 'occurredAt', width: 132, render: fmtTime },
        { title: '事件', dataIndex: 'type', width: 108, render: (t: EventDto['type']) => <Tag data-event={t}>{EVENT_TYPE_LABELS[t]}</Tag> },
        { title: '经办人', dataIndex: 'actorName', width: 72 },
        {
          title: '交接人 / 见证人',
          width: 140,
          render: (_, e) => (
            <>
              {person(e.counterpart)}
              {e.witnesses.length > 0 && <div style={{ color: '#888' }}>见证：{e.witnesses.map(person).join('、')}</div>}
            </>
          ),
        },
        { title: '库位', width: 150, render: (_, e) => arrow(e.locationFrom, e.locationTo) },
        ...(anyAgency ? [{ title: '保管单位', width: 140, render: (_: unknown, e: EventDto) => arrow(e.agencyFrom, e.agencyTo) }] : []),
        // Document numbers are shown whole (never cut off with an ellipsis).
        ...(anyDoc ? [{ title: '文书编号', dataIndex: 'legalDocNo', width: 200, render: (d: string | null) => <span data-testid="doc-no">{d}</span> }] : []),
        {
          title: '说明',
          render: (_, e) => (
            <Typography.Text style={{ fontSize: 12 }}>
              {[e.conditionNote, e.note].filter(Boolean).join('；')}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
