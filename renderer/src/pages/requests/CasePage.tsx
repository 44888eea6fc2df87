/**
 * A case at a glance: items grouped by status and holding agency, its requests, its full timeline; print the case trail.
 * A case officer can start a 移送/发还/处置 of the whole case: the new request opens with every eligible item preselected.
 */
import { useEffect, useState } from 'react';
import { Button, Card, Descriptions, Dropdown, Empty, Result, Space, Spin, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { DownOutlined, FileAddOutlined, FileZipOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import type { MethodOutput } from '@shared/api/contract';
import type { ItemDto } from '@shared/api/item.contract';
import { CASE_STAGE_LABELS } from '@shared/domain/enums';
import { call, isDesktop } from '../../api/client';
import { jobFile } from '../../api/jobs';
import { showJobToast } from '../../components/JobProgress';
import { deliverFile } from '../../components/deliver-file';
import { EventTimeline } from '../../components/EventTimeline';
import { ItemStatusTag } from '../../components/ItemStatusTag';
import { fmtTime } from '../../components/labels';
import { errorText, useAction } from '../../components/use-action';
import { RequestTable } from './RequestTable';
import { useCan, useSession } from '../../app/session';
import { pickProblem } from './pick-rules';
import { CaseLifePanel } from './CaseLifePanel';
import { CaseDisposalRate } from '../cases/CaseDisposalRate';
import { ExportButton } from '../../components/ExportButton';
import { CaseValuePanel } from '../cases/CaseValuePanel';

/** 「申请移送/发还/处置本案物品」: a menu of kinds, each opening the new request with the case's eligible items preselected. */
function WholeCaseRequest({ caseId, items }: { caseId: number; items: ItemDto[] }) {
  const nav = useNavigate();
  const { user } = useSession();
  const held = items.filter((i) => !pickProblem(i, user.agencyId)).length;
  const kinds = [
    { key: 'transfer', label: '申请移送' },
    { key: 'return', label: '申请发还' },
    { key: 'disposition', label: '申请处置' },
  ];
  const button = (
    <Button type="primary" icon={<FileAddOutlined />} disabled={!held} data-testid="whole-case-request">
      申请移送/发还/处置本案物品 <DownOutlined />
    </Button>
  );
  if (!held) return <Tooltip title="本案没有本单位保管、且不在未完结申请中的物品">{button}</Tooltip>;
  return (
    <Dropdown trigger={['click']} menu={{ items: kinds, onClick: (e) => nav(`/new-request?kind=${e.key}&caseId=${caseId}`) }}>
      {button}
    </Dropdown>
  );
}

type Detail = MethodOutput<'case.detail'>;

function GroupTable({ items }: { items: ItemDto[] }) {
  return (
    <Table<ItemDto>
      size="small"
      rowKey="id"
      dataSource={items}
      pagination={items.length > 10 ? { pageSize: 10, size: 'small' } : false}
      columns={[
        { title: '编码', dataIndex: 'code', width: 170, render: (c: string, it) => <Link to={`/items/${it.id}`}>{c}</Link> },
        { title: '名称', dataIndex: 'name', ellipsis: true },
        { title: '数量', width: 80, render: (_, it) => `${it.quantity} ${it.unit}` },
        { title: '库位 / 去向', width: 220, ellipsis: true, render: (_, it) => it.locationPath ?? it.outWith ?? '—' },
        { title: '未完结申请', dataIndex: 'openRequestNo', width: 150, render: (n: string | null) => n ?? '—' },
      ]}
    />
  );
}

export function CasePage() {
  const { id } = useParams();
  const [d, setD] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const { run, busy, message } = useAction();
  const can = useCan();
  useEffect(() => setD(null), [id]);
  useEffect(() => {
    call('case.detail', { caseId: Number(id) })
      .then(setD)
      .catch((e) => setError(errorText(e).title));
  }, [id, version]);

  if (error) return <Result status="warning" title={error} />;
  if (!d) return <Spin />;
  const c = d.case;
  const printTrail = async () => {
    const key = 'case-trail-job';
    const f = await run(() => jobFile({ kind: 'case.trail', caseId: c.id }, showJobToast(message, key, '正在生成案件流转记录')), { progress: '正在生成案件流转记录…' });
    message.destroy(key);
    if (!f) return;
    const how = await run(() => deliverFile(f, isDesktop() ? 'print' : 'save'));
    if (how) void message.success(`案件流转记录 ${f.serialNo ?? ''} ${how}`);
  };
  const exportZip = async () => {
    const key = 'case-zip-job';
    const f = await run(() => jobFile({ kind: 'case.exportZip', caseId: c.id }, showJobToast(message, key, '正在打包案件档案')), { progress: '正在打包案件档案…' });
    message.destroy(key);
    if (f) await run(() => deliverFile(f, 'save'));
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8}>
      <Card
        size="small"
        title={<span data-testid="case-title">{`${c.caseNo}　${c.name}`}</span>}
        extra={
          <Space>
            {can('request.create') && <WholeCaseRequest caseId={c.id} items={d.groups.flatMap((g) => g.items)} />}
            <Button icon={<PrinterOutlined />} loading={busy} onClick={() => void printTrail()}>
              打印案件流转记录
            </Button>
            <Button
              icon={<FileZipOutlined />}
              loading={busy}
              data-testid="case-export-zip"
              onClick={() => void exportZip()}
            >
              导出案件档案
            </Button>
            <ExportButton what="流转记录" testId="case-events-export" job={() => ({ kind: 'event.export', filter: { caseId: c.id } })} />
          </Space>
        }
      >
        <Descriptions size="small" column={5}>
          <Descriptions.Item label="诉讼阶段">
            <Tag color="blue" data-testid="case-stage">{CASE_STAGE_LABELS[c.stage]}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="主办单位">
            <span data-testid="case-host">{c.hostAgencyName}</span>
          </Descriptions.Item>
          <Descriptions.Item label="案由">{c.cause ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="主办人">{c.officerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="物品">{`${c.itemCount} 件`}</Descriptions.Item>
        </Descriptions>
        <CaseLifePanel c={c} onChanged={() => setVersion((v) => v + 1)} />
        <CaseDisposalRate caseId={c.id} version={version} />
        <CaseValuePanel caseId={c.id} version={version} />
      </Card>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          items={[
            {
              key: 'items',
              label: `物品分布（${d.groups.length} 组）`,
              children: d.groups.length ? (
                <div style={{ maxHeight: 470, overflow: 'auto' }} data-testid="case-groups">
                  {d.groups.map((g) => (
                    <div key={`${g.status}-${g.holdingAgencyId}`} style={{ marginBottom: 12 }} data-testid={`group-${g.status}-${g.holdingAgencyId}`}>
                      <Space style={{ marginBottom: 4 }}>
                        <ItemStatusTag status={g.status} />
                        <Typography.Text strong>{g.holdingAgencyName}</Typography.Text>
                        <Typography.Text type="secondary">{g.items.length} 件</Typography.Text>
                      </Space>
                      <GroupTable items={g.items} />
                    </div>
                  ))}
                </div>
              ) : (
                <Empty description="本案尚无物品" />
              ),
            },
            { key: 'requests', label: `申请单（${d.requests.length}）`, children: <RequestTable rows={d.requests} testId="case-requests" height={430} /> },
            {
              key: 'timeline',
              label: `流转记录（${d.timeline.length}${d.timelineTruncated ? '+' : ''}）`,
              children: (
                <>
                  {d.timelineTruncated && <Typography.Text type="warning">仅显示最近 {d.timeline.length} 条，完整记录请打印案件流转记录。</Typography.Text>}
                  <EventTimeline events={d.timeline} />
                </>
              ),
            },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          立案时间 {fmtTime(c.createdAt)}
        </Typography.Text>
      </Card>
    </Space>
  );
}
