/**
 * Confirmation before an irreversible action. It lists what will happen (kind, document no., items, receiving party,
 * date, witnesses…) and starts with the focus on 取消, so an Enter that opened it can never also confirm it:
 * the user must click the confirm button, or Tab to it and press Enter/Space.
 *
 *   const confirm = useConfirmIrreversible();
 *   if (!(await confirm({ title: '确认执行发还', okText: '确认发还', facts: [['申请单号', r.requestNo]], items }))) return;
 */
import type { ReactNode } from 'react';
import { useCallback } from 'react';
import { App as AntApp, Descriptions, Typography } from 'antd';
import type { HookAPI } from 'antd/es/modal/useModal';

export type IrreversibleItem = { code: string; name: string };

export type IrreversibleSpec = {
  /** Dialog title, e.g. 「确认执行发还」. */
  title: string;
  /** Text of the confirm button, e.g. 「确认发还」. */
  okText: string;
  /** What will happen, as label/value rows (类型, 申请单号, 接收单位, 执行日期, 见证人…). Empty values are left out. */
  facts: Array<[string, ReactNode]>;
  /** The items concerned: listed by code and name (the first MAX_LISTED, then a count). */
  items?: IrreversibleItem[];
  /** Shown under the facts; default 「提交后不可撤销或更改，请逐项核对。」 */
  warning?: ReactNode;
  /** Red confirm button (cancel, reject, destroy…). Default true. */
  danger?: boolean;
};

const MAX_LISTED = 30;

function ItemList({ items }: { items: IrreversibleItem[] }) {
  const shown = items.slice(0, MAX_LISTED);
  return (
    <div data-testid="confirm-items" style={{ maxHeight: 180, overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 4, padding: '4px 8px' }}>
      {shown.map((it) => (
        <div key={it.code} style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{it.code}</Typography.Text> {it.name}
        </div>
      ))}
      {items.length > shown.length && <div>……另有 {items.length - shown.length} 件，共 {items.length} 件</div>}
    </div>
  );
}

function Body({ spec }: { spec: IrreversibleSpec }) {
  const facts = spec.facts.filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false);
  return (
    <div data-testid="confirm-irreversible">
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}>
        {facts.map(([k, v]) => (
          <Descriptions.Item key={k} label={k}>
            <span data-testid={`confirm-fact-${k}`}>{v}</span>
          </Descriptions.Item>
        ))}
        {spec.items && <Descriptions.Item label={`物品（${spec.items.length} 件）`}><ItemList items={spec.items} /></Descriptions.Item>}
      </Descriptions>
      <Typography.Paragraph type="danger" strong style={{ margin: '8px 0 0' }}>
        {spec.warning ?? '提交后不可撤销或更改，请逐项核对。'}
      </Typography.Paragraph>
    </div>
  );
}

/** Opens the confirmation with a given modal API; resolves true only when the confirm button was pressed. */
export function confirmIrreversible(modal: HookAPI, spec: IrreversibleSpec): Promise<boolean> {
  return new Promise((resolve) => {
    modal.confirm({
      title: spec.title,
      width: 600,
      content: <Body spec={spec} />,
      okText: spec.okText,
      cancelText: '取消',
      okButtonProps: { danger: spec.danger ?? true, 'data-testid': 'confirm-ok' } as never,
      cancelButtonProps: { 'data-testid': 'confirm-cancel' } as never,
      // Focus starts on 取消: a held or repeated Enter cancels rather than confirms.
      autoFocusButton: 'cancel',
      maskClosable: false,
      keyboard: true,
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}

/** Hook form: `const confirm = useConfirmIrreversible(); if (await confirm(spec)) …` */
export function useConfirmIrreversible(): (spec: IrreversibleSpec) => Promise<boolean> {
  const { modal } = AntApp.useApp();
  return useCallback((spec: IrreversibleSpec) => confirmIrreversible(modal, spec), [modal]);
}
