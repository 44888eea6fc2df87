/** Choose label stock (and printer on the desktop), then print or save the PDF. The stock is remembered per terminal. */
import { useEffect, useState } from 'react';
import { Alert, Button, Modal, Radio, Select, Space, Typography } from 'antd';
import { PrinterOutlined, DownloadOutlined } from '@ant-design/icons';
import { isDesktop } from '../api/client';
import { deliverFile, type DeliverMode } from './deliver-file';
import { listPrinters, type PrinterInfo } from './host-bridge';
import { useAction } from './use-action';
import { JobProgressBar } from './JobProgress';
import type { JobFile, JobProgress } from '../api/jobs';

export const LABEL_STOCK_OPTIONS = [
  { value: '60x40', label: '60×40 mm（默认）' },
  { value: '100x50', label: '100×50 mm' },
  { value: '40x30', label: '40×30 mm' },
  { value: 'a4', label: 'A4 整张' },
] as const;
export type LabelStockValue = (typeof LABEL_STOCK_OPTIONS)[number]['value'];

const STOCK_KEY = 'seized.label.stock';
const PRINTER_KEY = 'seized.label.printer';
export const savedStock = (): LabelStockValue => (localStorage.getItem(STOCK_KEY) as LabelStockValue | null) ?? '60x40';

type Props = {
  open: boolean;
  title: string;
  /** What is printed, e.g. 「5 件物品的标签」. */
  summary: string;
  /** Show the stock choice (labels); documents are A4 only. */
  withStock?: boolean;
  /** Makes the file; a background job reports its progress through `onProgress`. */
  render(stock: LabelStockValue, onProgress: (p: JobProgress) => void): Promise<JobFile>;
  onClose(): void;
  onDone?(file: JobFile): void;
  /** 'zip': the file is a zip of several PDFs (trail volumes): it can only be saved, not printed. */
  fileKind?: 'pdf' | 'zip';
};

export function PrintDialog({ open, title, summary, withStock = true, render, onClose, onDone, fileKind = 'pdf' }: Props) {
  const [stock, setStock] = useState<LabelStockValue>(savedStock);
  const [printers, setPrinters] = useState<PrinterInfo[]>([]);
  const [printer, setPrinter] = useState<string | undefined>(() => localStorage.getItem(PRINTER_KEY) ?? undefined);
  const [result, setResult] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const { run, busy } = useAction();

  useEffect(() => {
    if (open && isDesktop()) void listPrinters().then(setPrinters);
    if (open) setResult(null);
  }, [open]);

  const go = async (mode: DeliverMode) => {
    localStorage.setItem(STOCK_KEY, stock);
    if (printer) localStorage.setItem(PRINTER_KEY, printer);
    setProgress(null);
    const file = await run(() => render(stock, setProgress), { progress: '正在生成 PDF，请稍候…' });
    setProgress(null);
    if (!file) return;
    const text = await run(() => deliverFile(file, mode, printer));
    setResult(`${text ?? ''}${file.serialNo ? `（文书编号 ${file.serialNo}）` : ''}`);
    onDone?.(file);
  };

  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} destroyOnHidden width={520}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text>{summary}</Typography.Text>
        {withStock && (
          <div>
            <Typography.Text strong>标签规格：</Typography.Text>
            <Radio.Group value={stock} onChange={(e) => setStock(e.target.value as LabelStockValue)} optionType="button" options={LABEL_STOCK_OPTIONS.map((o) => ({ ...o }))} />
          </div>
        )}
        {isDesktop() && (
          <div>
            <Typography.Text strong>打印机：</Typography.Text>
            <Select
              style={{ width: 320 }}
              allowClear
              placeholder="不选择则弹出打印对话框"
              value={printer}
              onChange={setPrinter}
              options={printers.map((p) => ({ value: p.name, label: `${p.displayName ?? p.name}${p.isDefault ? '（默认）' : ''}` }))}
            />
          </div>
        )}
        <Space>
          {fileKind === 'pdf' && (
            <Button type="primary" icon={<PrinterOutlined />} loading={busy} onClick={() => void go('print')}>
              打印
            </Button>
          )}
          <Button type={fileKind === 'zip' ? 'primary' : 'default'} icon={<DownloadOutlined />} loading={busy} onClick={() => void go('save')}>
            {`${isDesktop() ? '另存为' : '下载'} ${fileKind === 'zip' ? '.zip' : 'PDF'}`}
          </Button>
        </Space>
        {busy && progress && <JobProgressBar p={progress} label="正在生成 PDF" />}
        {result && <Alert type="success" showIcon title={result} data-testid="print-result" />}
      </Space>
    </Modal>
  );
}
