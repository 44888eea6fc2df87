/** 更正与遗失报告: old → new values, reason, who proposed; the holding agency's approver approves or rejects (with a comment). */
import { useState } from 'react';
import { Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ProposalDto } from '@shared/api/correction.contract';
import { CORRECTABLE_FIELD_LABELS, PROPOSAL_KIND_LABELS, PROPOSAL_STATUS_LABELS, type CorrectableField } from '@shared/domain/corrections';
import { ITEM_CATEGORY_LABELS, ITEM_FLAG_LABELS, type ItemCategory, type ItemFlag } from '@shared/domain/enums';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';
import { fmtTime } from '../../components/labels';
import { notifyInboxChanged } from './request-ui';

function show(field: CorrectableField, v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (field === 'category') return ITEM_CATEGORY_LABELS[v as ItemCategory];
  if (field === 'flags') return (v as ItemFlag[]).map((f) => ITEM_FLAG_LABELS[f]).join('、') || '（无）';
  return String(v);
}

const STATUS_COLOR = { pending: 'gold', approved: 'green', rejected: 'default' } as const;

export function ProposalTable({ rows, loading, onChanged, showItem = true }: { rows: ProposalDto[]; loading?: boolean; onChanged(): void; showItem?: boolean }) {
  const { run, busy } = useAction();
  const [rejecting, setRejecting] = useState<ProposalDto | null>(null);
  const [comment, setComment] = useState('');
  const decide = async (p: ProposalDto, approve: boolean, c?: string) => {
    const ok = await run(() => call('proposal.decide', { id: p.id, approve, comment: c }), { success: approve ? '已批准' : '已驳回' });
    if (ok) {
      setRejecting(null);
      setComment('');
      notifyInboxChanged();
      onChanged();
    }
  };
  return (
    <>
      <Table<ProposalDto>
        size="small"
        rowKey="id"
        dataSource={rows}
        loading={loading}
        pagination={false}
        data-testid="proposal-table"
        locale={{ emptyText: '没有更正或遗失报告' }}
        columns={[
          { title: '类型', width: 110, render: (_, p) => <Tag color={p.kind === 'lost' ? 'red' : 'blue'}>{PROPOSAL_KIND_LABELS[p.kind]}</Tag> },
          ...(showItem
            ? [{ title: '物品', width: 220, render: (_: unknown, p: ProposalDto) => <Link to={`/items/${p.itemId}`}><Typography.Text code>{p.itemCode}</Typography.Text> {p.itemName}</Link> }]
            : []),
          {
            title: '内容',
            render: (_, p) => (
              <div>
                {p.changes.map((c) => (
                  <div key={c.field} data-testid={`change-${c.field}`}>
                    {CORRECTABLE_FIELD_LABELS[c.field]}：<Typography.Text delete type="secondary">{show(c.field, c.from)}</Typography.Text> → <Typography.Text strong>{show(c.field, c.to)}</Typography.Text>
                  </div>
                ))}
                <Typography.Text type="secondary">理由：{p.reason}</Typography.Text>
                {p.decisionComment && <div><Typography.Text type="secondary">审批意见：{p.decisionComment}</Typography.Text></div>}
              </div>
            ),
          },
          { title: '提出', width: 150, render: (_, p) => <span>{p.proposedByName}<br />{fmtTime(p.proposedAt)}</span> },
          { title: '状态', width: 110, render: (_, p) => <span><Tag color={STATUS_COLOR[p.status]}>{PROPOSAL_STATUS_LABELS[p.status]}</Tag>{p.decidedByName && <div>{p.decidedByName}</div>}</span> },
          {
            title: '',
            width: 150,
            render: (_, p) =>
              p.canDecide && (
                <Space>
                  <Button size="small" type="primary" loading={busy} onClick={() => void decide(p, true)} data-testid={`approve-proposal-${p.id}`}>批准</Button>
                  <Button size="small" danger onClick={() => setRejecting(p)} data-testid={`reject-proposal-${p.id}`}>驳回</Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={!!rejecting}
        title={rejecting ? `驳回${PROPOSAL_KIND_LABELS[rejecting.kind]}：${rejecting.itemCode}` : ''}
        okText="驳回"
        okButtonProps={{ danger: true, disabled: !comment.trim() }}
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => rejecting && void decide(rejecting, false, comment.trim())}
        onCancel={() => setRejecting(null)}
        destroyOnHidden
      >
        <Input.TextArea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="驳回意见（必填）" autoFocus data-testid="reject-comment" />
      </Modal>
    </>
  );
}
