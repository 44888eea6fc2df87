/** The big "scan here" field: scanner bursts arrive through useScanHandler; a person can also type a code and press Enter. */
import { useEffect, useRef, useState } from 'react';
import type { InputRef } from 'antd';
import { Input, Typography } from 'antd';
import { BarcodeOutlined } from '@ant-design/icons';
import { useScanHandler } from '../scanner';

type Props = {
  onCode(code: string): void | boolean | Promise<void | boolean>;
  placeholder?: string;
  hint?: string;
  /** Claim global scans while mounted (default true). */
  claim?: boolean;
  testId?: string;
  /** Put the cursor in the box when the page opens (and when `claim` turns on). Default true. */
  autoFocus?: boolean;
};

export function ScanBox({ onCode, placeholder = '扫描条码，或输入编码后按回车', hint, claim = true, testId = 'scan-box', autoFocus = true }: Props) {
  const input = useRef<InputRef>(null);
  const [value, setValue] = useState('');
  const [last, setLast] = useState<string | null>(null);
  const ref = useRef<typeof onCode>(onCode);
  ref.current = onCode;
  const handle = async (code: string) => {
    setLast(code);
    return ref.current(code);
  };
  useScanHandler((code) => (claim ? handle(code) : false), [claim]);
  useEffect(() => {
    if (autoFocus && claim) input.current?.focus({ preventScroll: true });
  }, [autoFocus, claim]);
  return (
    <div>
      <Input
        size="large"
        ref={input}
        data-testid={testId}
        prefix={<BarcodeOutlined />}
        placeholder={placeholder}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onPressEnter={() => {
          const c = value.trim();
          if (!c) return;
          setValue('');
          void handle(c);
        }}
        allowClear
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {hint ?? '扫描枪可在任意位置直接扫描，无需点击输入框。'}
        {last && <> 最近扫描：<Typography.Text code data-testid="last-scan">{last}</Typography.Text></>}
      </Typography.Text>
    </div>
  );
}
