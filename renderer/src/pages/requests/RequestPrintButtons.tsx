/** Print buttons for a request's documents (request.document): desktop prints, browser downloads the PDF. */
import { Button, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { RequestDto } from '@shared/api/request.contract';
import type { RequestDocType, RequestKind } from '@shared/domain/requests';
import { call, isDesktop } from '../../api/client';
import { deliverFile } from '../../components/deliver-file';
import { useAction } from '../../components/use-action';

/** Which documents each kind prints, with the name the user knows them by (mirrors the service's list). */
export function docsFor(r: Pick<RequestDto, 'kind' | 'mode'>): Array<{ type: RequestDocType; label: string }> {
  const byKind: Record<RequestKind, Array<{ type: RequestDocType; label: string }>> = {
    loan: [{ type: 'loan_form', label: '调用审批单' }],
    transfer:
      r.mode === 'paper'
        ? [
            { type: 'custody_confirmation', label: '权属移交确认单' },
            { type: 'handover', label: '交接单' },
          ]
        : [{ type: 'handover', label: '移送清单（交接单）' }],
    return: [
      { type: 'return_list', label: '发还清单' },
      { type: 'handover', label: '交接单' },
    ],
    disposition: [
      { type: 'disposition_record', label: '处置记录' },
      { type: 'handover', label: '交接单' },
    ],
    allocation: [{ type: 'handover', label: '交接单' }],
  };
  return byKind[r.kind];
}

export function RequestPrintButtons({ r, onPrinted }: { r: RequestDto; onPrinted?(): void }) {
  const { run, busy, message } = useAction();
  if (!r.actions.includes('print')) return null;
  const print = async (type: RequestDocType, label: string) => {
    const file = await run(() => call('request.document', { id: r.id, type }), { progress: `正在生成${label}…` });
    if (!file) return;
    const how = await run(() => deliverFile(file, isDesktop() ? 'print' : 'save'));
    if (how) void message.success(`${label}（${file.serialNo ?? file.fileName}）${how}`);
    onPrinted?.();
  };
  return (
    <Space wrap data-testid="print-buttons">
      {docsFor(r).map((d) => (
        <Button key={d.type} icon={<PrinterOutlined />} loading={busy} onClick={() => void print(d.type, d.label)}>
          打印{d.label}
        </Button>
      ))}
    </Space>
  );
}
