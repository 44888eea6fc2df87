/**
 * 导入扣押清单: case and file → column mapping (recognised by itself, savable as a template) → every row's result →
 * all-or-nothing import → summary with the batch's labels. Case officers import for their own cases; custodians on
 * behalf of a case unit, as in 登记.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Progress, Row, Select, Space, Steps, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { CaseDto } from '@shared/api/item.contract';
import type { AgencyDto } from '@shared/api/admin.contract';
import type { ImportPreviewDto, ImportResultDto } from '@shared/api/import.contract';
import { CASE_UNIT_KINDS } from '@shared/domain/enums';
import type { ImportField } from '@shared/domain/import-fields';
import { call } from '../../api/client';
import { runJob, type JobProgress } from '../../api/jobs';
import { useCan, useSession } from '../../app/session';
import { useAction } from '../../components/use-action';
import { deliverFile } from '../../components/deliver-file';
import { CasePicker } from '../desk/CasePicker';
import { ImportMapping } from './ImportMapping';
import { ImportRows } from './ImportRows';
import { ImportSummary } from './ImportSummary';

type Picked = { fileName: string; base64: string };
type Mapping = Partial<Record<ImportField, string>>;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(new Error('读取文件失败'));
    r.readAsDataURL(file);
  });
}

export function ImportPage() {
  const { user } = useSession();
  const can = useCan();
  const officer = can('case.write');
  const { run, busy, message } = useAction();
  const [units, setUnits] = useState<AgencyDto[]>([]);
  const [unitId, setUnitId] = useState<number>();
  const [kase, setKase] = useState<CaseDto | null>(null);
  const [file, setFile] = useState<Picked | null>(null);
  const [mapping, setMapping] = useState<Mapping | undefined>();
  const [preview, setPreview] = useState<ImportPreviewDto | null>(null);
  const [stage, setStage] = useState<{ percent: number; text: string } | null>(null);
  const [done, setDone] = useState<ImportResultDto | null>(null);
  const [docNo, setDocNo] = useState('');
  const [seizedBy, setSeizedBy] = useState('');
  const [seizedAt, setSeizedAt] = useState<Dayjs | null>(null);

  useEffect(() => {
    if (!officer) void run(() => call('agency.list', {})).then((a) => a && setUnits(a.filter((x) => (CASE_UNIT_KINDS as readonly string[]).includes(x.kind))));
  }, [officer, run]);
  const unitOptions = useMemo(() => units.map((a) => ({ value: a.id, label: a.name })), [units]);

  const input = (m: Mapping | undefined) => ({
    fileName: file!.fileName,
    base64: file!.base64,
    ...(kase ? { caseId: kase.id } : {}),
    ...(m ? { mapping: m } : {}),
    ...(seizedAt ? { seizedAt: seizedAt.toISOString() } : {}),
  });

  const check = async (picked: Picked, m: Mapping | undefined) => {
    setStage({ percent: 30, text: `正在读取并逐行校验「${picked.fileName}」…` });
    // A job: the bar follows the rows checked (10% → 60%).
    const onRows = (j: JobProgress) => j.total > 0 && setStage({ percent: 10 + Math.floor((50 * j.done) / j.total), text: `正在逐行校验「${picked.fileName}」：${j.done} / ${j.total} 行…` });
    const p = await run(
      async () =>
        (
          await runJob(
            { kind: 'import.preview', fileName: picked.fileName, base64: picked.base64, ...(kase ? { caseId: kase.id } : {}), ...(m ? { mapping: m } : {}), ...(seizedAt ? { seizedAt: seizedAt.toISOString() } : {}) },
            onRows,
          )
        ).preview!,
      { progress: '正在校验，请稍候…' },
    );
    setStage(p ? { percent: 60, text: p.problems.length ? `校验完成：${p.problems.length} 处错误，请改正文件后重新选择` : `校验完成：${p.total} 行全部无误，可以导入` } : null);
    setPreview(p ?? null);
    if (p) {
      setMapping(p.mapping);
      setDocNo((d) => d || p.listHeader.listNo || p.listHeader.decisionNo || '');
      setSeizedBy((s) => s || p.listHeader.seizedBy || user.displayName);
    }
  };

  const choose = async (f: File | undefined) => {
    if (!f) return;
    setStage({ percent: 10, text: `正在读取「${f.name}」…` });
    const picked = { fileName: f.name, base64: await readBase64(f) };
    setFile(picked);
    setPreview(null);
    setDocNo('');
    await check(picked, undefined);
  };

  const commit = async () => {
    if (!file || !preview) return;
    setStage({ percent: 80, text: `正在导入 ${preview.total} 件物品（一个事务，全部成功或全部不写入）…` });
    // A job: checking the rows, then registering them in one transaction (60% → 100%).
    const onRows = (j: JobProgress) => j.total > 0 && setStage({ percent: 60 + Math.floor((40 * j.done) / j.total), text: `正在导入 ${preview.total} 件物品（一个事务，全部成功或全部不写入）：${Math.round((100 * j.done) / j.total)}%` });
    const r = await run(
      async () => (await runJob({ kind: 'import.commit', ...input(mapping), ...(docNo.trim() ? { seizureDocNo: docNo.trim() } : {}), ...(seizedBy.trim() ? { seizedBy: seizedBy.trim() } : {}) }, onRows)).imported!,
      { progress: '正在导入，请稍候…' },
    );
    setStage(r ? { percent: 100, text: `已导入 ${r.count} 件` } : { percent: 60, text: '导入未完成，没有写入任何物品' });
    if (r) {
      setDone(r);
      void message.success(`已导入 ${r.count} 件物品`);
    }
  };

  const restart = () => {
    setDone(null);
    setFile(null);
    setPreview(null);
    setStage(null);
    setDocNo('');
  };

  if (done) return <ImportSummary result={done} onAgain={restart} />;

  const step = !file ? 0 : !preview ? 1 : 2;
  const errors = preview?.problems.length ?? 0;
  return (
    <Card title="导入扣押清单（Excel / CSV）" size="small" extra={<Button icon={<DownloadOutlined />} data-testid="import-template" onClick={() => void run(() => call('import.template', {})).then((f) => f && deliverFile(f, 'save'))}>下载模板</Button>}>
      <Steps size="small" current={step} style={{ marginBottom: 12 }} items={[{ title: '选择案件与文件' }, { title: '列映射' }, { title: '逐行预览' }, { title: '导入与打印标签' }]} />
      <Row gutter={12}>
        {!officer && (
          <Col span={6}>
            <Form.Item label="案件单位" style={{ marginBottom: 8 }}>
              <Select data-testid="import-unit" value={unitId} onChange={(v: number) => (setUnitId(v), setKase(null))} showSearch={{ optionFilterProp: 'label' }} placeholder="公安、检察院或法院" options={unitOptions} />
            </Form.Item>
          </Col>
        )}
        <Col span={officer ? 10 : 8}>
          <Form.Item label="案件（文件中没有「案件编号」列时用它）" style={{ marginBottom: 8 }}>
            <CasePicker value={kase} onChange={setKase} hostAgencyId={officer ? user.agencyId : unitId} allowCreate={officer} />
          </Form.Item>
        </Col>
        <Col span={officer ? 8 : 6}>
          <Form.Item label="扣押时间（文件中没有时用它）" style={{ marginBottom: 8 }}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={seizedAt} onChange={setSeizedAt} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={officer ? 6 : 4}>
          <Form.Item label="文件（.xlsx / .csv）" style={{ marginBottom: 8 }}>
            <Button icon={<UploadOutlined />} onClick={() => document.getElementById('import-file')?.click()} loading={busy && !preview}>选择文件</Button>
            <input id="import-file" data-testid="import-file" type="file" accept=".xlsx,.csv,.xls" style={{ display: 'none' }} onChange={(e) => (void choose(e.target.files?.[0]), (e.target.value = ''))} />
          </Form.Item>
        </Col>
      </Row>
      {stage && <Progress data-testid="import-progress" percent={stage.percent} size="small" format={() => ''} />}
      {stage && <Typography.Text type={errors ? 'danger' : 'secondary'} data-testid="import-stage">{stage.text}</Typography.Text>}
      {file && preview && (
        <>
          <ImportMapping headers={preview.headers} mapping={mapping ?? {}} onChange={setMapping} onApply={(m) => void check(file, m)} />
          <ImportRows preview={preview} />
          {errors === 0 && (
            <Space style={{ marginTop: 8 }} wrap>
              <Input addonBefore="扣押清单编号" value={docNo} onChange={(e) => setDocNo(e.target.value)} style={{ width: 380 }} data-testid="import-doc-no" />
              <Input addonBefore="扣押人" value={seizedBy} onChange={(e) => setSeizedBy(e.target.value)} style={{ width: 240 }} />
              <Button type="primary" loading={busy} disabled={!docNo.trim()} onClick={() => void commit()} data-testid="import-commit">
                导入 {preview.total} 件
              </Button>
            </Space>
          )}
          {errors > 0 && <Alert style={{ marginTop: 8 }} type="error" showIcon data-testid="import-blocked" title={`有 ${errors} 处错误，不能导入（全部改正后才会写入）。请在 Excel 中改正后重新选择文件。`} />}
        </>
      )}
    </Card>
  );
}
