/** Which column feeds which field: recognised from Chinese headers, changeable, savable as a named template. */
import { useEffect, useState } from 'react';
import { Button, Collapse, Input, Select, Space, Typography } from 'antd';
import { IMPORT_FIELDS, IMPORT_FIELD_LABELS, type ImportField } from '@shared/domain/import-fields';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';

type Mapping = Partial<Record<ImportField, string>>;
type Props = { headers: string[]; mapping: Mapping; onChange(m: Mapping): void; onApply(m: Mapping): void };

export function ImportMapping({ headers, mapping, onChange, onApply }: Props) {
  const { run } = useAction();
  const [saved, setSaved] = useState<Array<{ id: number; name: string; mapping: Mapping }>>([]);
  const [name, setName] = useState('');
  useEffect(() => void run(() => call('import.mappings', {})).then((r) => r && setSaved(r)), [run]);
  const options = headers.filter(Boolean).map((h) => ({ value: h, label: h }));
  const mapped = IMPORT_FIELDS.filter((f) => mapping[f]).map((f) => `${IMPORT_FIELD_LABELS[f]}←${mapping[f]}`).join('，');
  return (
    <Collapse
      size="small"
      style={{ margin: '8px 0' }}
      items={[
        {
          key: 'm',
          label: <span data-testid="import-mapping-summary">列映射：{mapped || '未识别'}</span>,
          children: (
            <>
              <Space wrap size={[8, 6]}>
                {IMPORT_FIELDS.map((f) => (
                  <Space.Compact key={f}>
                    <Typography.Text style={{ width: 96, lineHeight: '24px' }}>{IMPORT_FIELD_LABELS[f]}</Typography.Text>
                    <Select size="small" allowClear style={{ width: 130 }} value={mapping[f]} options={options} placeholder="不导入" onChange={(v?: string) => onChange({ ...mapping, [f]: v })} />
                  </Space.Compact>
                ))}
              </Space>
              <Space style={{ marginTop: 8 }} wrap>
                <Button size="small" type="primary" onClick={() => onApply(mapping)}>按此映射重新校验</Button>
                <Select size="small" style={{ width: 180 }} placeholder="套用已保存的模板" options={saved.map((s) => ({ value: s.id, label: s.name }))} onChange={(id: number) => {
                  const m = saved.find((s) => s.id === id)?.mapping;
                  if (!m) return;
                  onChange(m);
                  onApply(m);
                }} />
                <Input size="small" style={{ width: 160 }} placeholder="模板名称" value={name} onChange={(e) => setName(e.target.value)} />
                <Button size="small" disabled={!name.trim()} onClick={() => void run(() => call('import.saveMapping', { name: name.trim(), mapping }), { success: `已保存映射模板「${name.trim()}」` }).then(() => run(() => call('import.mappings', {})).then((r) => r && setSaved(r)))}>
                  保存为模板
                </Button>
              </Space>
            </>
          ),
        },
      ]}
    />
  );
}
