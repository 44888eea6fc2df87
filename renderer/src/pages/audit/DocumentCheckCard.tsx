/**
 * 核对纸质文书: scan the QR code of any printed document (footer, trail cover chain head, 账本校验凭证) or type its
 * serial; the events it covers are re-hashed from the ledger: 「与账本一致」, or the changed event is named.
 */
import { useState } from 'react';
import { Alert, Card, Input, List, Typography } from 'antd';
import { FileSearchOutlined, QrcodeOutlined } from '@ant-design/icons';
import type { DocumentCheck } from '@shared/api/document-check.contract';
import { callQuiet } from '../../api/client';
import { errorText } from '../../components/use-action';
import { fmtTime } from '../../components/labels';
import { beepOk, scanError, useScanHandler } from '../../scanner';

/** A printed document's QR code, or a serial like LZJL-20261204-0001: anything else goes to the next scan handler. */
export const looksLikeDocument = (text: string) => /^(LEDGER|LEDGERHEAD|ANCHOR)\|/.test(text) || /^[A-Z]{2,4}-\d{8}-\d{4,}$/.test(text);

export function DocumentCheckCard() {
  const [r, setR] = useState<DocumentCheck | null>(null);
  const [value, setValue] = useState('');
  const check = async (text: string) => {
    try {
      const out = await callQuiet('document.check', { text });
      if (out.ok) beepOk();
      else scanError(out.message, text.slice(0, 40));
      setR(out);
    } catch (e) {
      scanError(errorText(e).title, text.slice(0, 40));
    }
  };
  // Scanner bursts anywhere on the page: only document QR codes and serials; item codes go on to the next handler.
  useScanHandler((code) => (looksLikeDocument(code) ? check(code) : false));
  return (
    <Card size="small" title={<><FileSearchOutlined /> 核对纸质文书</>} data-testid="doc-check">
      <Input.Search
        data-testid="doc-check-scan"
        prefix={<QrcodeOutlined />}
        placeholder="扫描文书二维码（回执、流转记录、校验凭证），或输入文书编号后回车"
        enterButton="核对"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onSearch={(v) => {
          const text = v.trim();
          setValue('');
          if (text) void check(text);
        }}
      />
      {r && (
        <Alert
          style={{ marginTop: 8 }}
          type={r.ok ? 'success' : 'error'}
          showIcon
          data-testid="doc-check-result"
          title={<span data-testid="doc-check-verdict">{r.message}</span>}
          description={
            <>
              <Typography.Text type="secondary">
                {r.title ?? (r.kind === 'chain_head' ? '流转记录封面链头' : '文书')}　{r.ref}
                {r.printedAt ? `　打印于 ${fmtTime(r.printedAt)}` : ''}　涵盖 {r.eventCount} 条事件
              </Typography.Text>
              {r.changed.length > 0 && (
                <List size="small" dataSource={r.changed} renderItem={(c) => <List.Item data-testid="doc-check-changed">{c.message}</List.Item>} />
              )}
            </>
          }
        />
      )}
    </Card>
  );
}
