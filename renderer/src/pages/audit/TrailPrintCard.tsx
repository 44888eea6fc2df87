/** 打印流转记录: scan or type an item code, or find a case, then print its full custody trail (A4, with serial and hash). */
import { useEffect, useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Row, Select, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { CaseDto, ItemDto } from '@shared/api/item.contract';
import { CASE_STAGE_LABELS } from '@shared/domain/enums';
import { call, callQuiet } from '../../api/client';
import { jobFile } from '../../api/jobs';
import { ScanBox } from '../../components/ScanBox';
import { ItemStatusTag } from '../../components/ItemStatusTag';
import { PrintDialog } from '../../components/PrintDialog';
import { errorText, useAction } from '../../components/use-action';
import { beepOk, scanError } from '../../scanner';
import { looksLikeDocument } from './DocumentCheckCard';

function ItemTrail() {
  const [item, setItem] = useState<ItemDto | null>(null);
  const [printing, setPrinting] = useState(false);
  const onCode = async (code: string) => {
    // A printed document's QR code is for 核对纸质文书.
    if (looksLikeDocument(code)) return false;
    try {
      const it = await callQuiet('item.byCode', { code });
      beepOk();
      setItem(it);
    } catch (e) {
      scanError(`${errorText(e).title}（编码「${code}」）`, code);
    }
  };
  return (
    <Card size="small" title="物品流转记录" style={{ height: '100%' }}>
      <ScanBox onCode={onCode} placeholder="扫描物品条码，或输入物品编码后回车" testId="trail-item-scan" />
      {item ? (
        <>
          <Descriptions size="small" column={1} style={{ marginTop: 8 }} data-testid="trail-item">
            <Descriptions.Item label="物品">
              <Link to={`/items/${item.id}`}>{item.code}</Link>&nbsp;{item.name}
            </Descriptions.Item>
            <Descriptions.Item label="状态"><ItemStatusTag status={item.status} /></Descriptions.Item>
            <Descriptions.Item label="案件">{item.caseNo}</Descriptions.Item>
            <Descriptions.Item label="保管单位">{item.holdingAgencyName}</Descriptions.Item>
          </Descriptions>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => setPrinting(true)} data-testid="print-item-trail">
            打印物品流转记录
          </Button>
          <PrintDialog
            open={printing}
            withStock={false}
            title="打印物品流转记录"
            summary={`${item.code} ${item.name} 的全部流转记录（A4）`}
            onClose={() => setPrinting(false)}
            render={(_, onProgress) => jobFile({ kind: 'item.trail', itemId: item.id }, onProgress)}
          />
        </>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="扫描物品标签即可打印该物品的流转记录" />
      )}
    </Card>
  );
}

function CaseTrail() {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<CaseDto[]>([]);
  const [picked, setPicked] = useState<CaseDto | null>(null);
  const [printing, setPrinting] = useState(false);
  const { run, busy } = useAction();
  useEffect(() => {
    const t = setTimeout(() => void run(() => call('case.list', { q: q || undefined, limit: 30 })).then((r) => r && setOptions(r.rows)), 250);
    return () => clearTimeout(t);
  }, [q, run]);
  return (
    <Card size="small" title="案件流转记录" style={{ height: '100%' }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select
          data-testid="trail-case"
          showSearch
          filterOption={false}
          onSearch={setQ}
          loading={busy}
          allowClear
          style={{ width: '100%' }}
          placeholder="输入案件编号或案件名称查找"
          notFoundContent="没有找到案件"
          value={picked?.id}
          onChange={(id: number | undefined) => setPicked(options.find((c) => c.id === id) ?? null)}
          options={options.map((c) => ({ value: c.id, label: `${c.caseNo}　${c.name}（${CASE_STAGE_LABELS[c.stage]}，${c.itemCount} 件）` }))}
        />
        {picked ? (
          <>
            <Typography.Text>
              <Link to={`/cases/${picked.id}`}>{picked.caseNo}</Link>　{picked.name}，主办单位 {picked.hostAgencyName}，共 {picked.itemCount} 件
            </Typography.Text>
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => setPrinting(true)} data-testid="print-case-trail">
              打印案件流转记录
            </Button>
            <PrintDialog
              open={printing}
              withStock={false}
              title="打印案件流转记录"
              summary={`${picked.caseNo} ${picked.name}：全部物品的流转记录（A4）`}
              onClose={() => setPrinting(false)}
              render={(_, onProgress) => jobFile({ kind: 'case.trail', caseId: picked.id }, onProgress)}
            />
          </>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="选择案件后可打印该案全部物品的流转记录" />
        )}
      </Space>
    </Card>
  );
}

export function TrailPrintCards() {
  return (
    <Row gutter={12}>
      <Col span={12}><ItemTrail /></Col>
      <Col span={12}><CaseTrail /></Col>
    </Row>
  );
}
