/** The custody timeline of an item (newest first): who, with whom, witnesses, when, where from→to, agency from→to, doc no., note. */
import { Table, Tag, Typography } from 'antd';
import type { EventDto } from '@shared/api/item.contract';
import { EVENT_TYPE_LABELS } from '@shared/domain/enums';
import { fmtTime } from './labels';

const arrow = (a: string | null, b: string | null) => (a || b ? `${a ?? '—'} → ${b ?? '—'}` : '');
const person = (p: { name: string; idNo: string | null } | null) => (p ? `${p.name}${p.idNo ? `（${p.idNo}）` : ''}` : '');

export function EventTimeline({ events, loading }: { events: EventDto[]; loading?: boolean }) {
  const rows = [...events].sort((a, b) => b.seq - a.seq);
  return (
    <Table<EventDto>
      data-testid="timeline"
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ y: 360 }}
      columns={[
        { title: '#', dataIndex: 'seq', width: 64 },
        { title: '时间', dataIndex: 'occurredAt', width: 136, render: fmtTime },
        { title: '事件', dataIndex: 'type', width: 110, render: (t: EventDto['type']) => <Tag data-event={t}>{EVENT_TYPE_LABELS[t]}</Tag> },
        { title: '经办人', dataIndex: 'actorName', width: 80 },
        {
          title: '交接人 / 见证人',
          width: 150,
          render: (_, e) => (
            <>
              {person(e.counterpart)}
              {e.witnesses.length > 0 && <div style={{ color: '#888' }}>见证：{e.witnesses.map(person).join('、')}</div>}
            </>
          ),
        },
        { title: '库位', width: 170, render: (_, e) => arrow(e.locationFrom, e.locationTo) },
        { title: '保管单位', width: 150, render: (_, e) => arrow(e.agencyFrom, e.agencyTo) },
        { title: '文书编号', dataIndex: 'legalDocNo', width: 120, ellipsis: true },
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
