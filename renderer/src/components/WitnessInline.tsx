/** One witness for the two-person rule (cash and valuables): a second user types their own username and password. */
import { Input, Space, Typography } from 'antd';
import type { ItemDto } from '@shared/api/item.contract';

export type WitnessCreds = { username: string; password: string };

/** Cash and valuables fall under the two-person rule (same rule as the server's needsWitness). */
export const isCashOrValuable = (i: Pick<ItemDto, 'category' | 'flags'>) =>
  i.category === 'cash' || i.category === 'valuables' || i.flags.includes('cash') || i.flags.includes('valuable');

/** The witness as the API takes it, or undefined when no username was typed. */
export const witnessOrNone = (w: WitnessCreds) => (w.username.trim() ? { username: w.username.trim(), password: w.password } : undefined);

export function WitnessInline({ value, onChange, what, testId = 'witness' }: { value: WitnessCreds; onChange(v: WitnessCreds): void; what: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Typography.Text type="warning">{what}涉及现金或贵重物品，须由另一名工作人员在场见证，并输入其本人账号和密码确认。</Typography.Text>
      <Space style={{ marginTop: 6 }} wrap>
        <Input
          addonBefore="见证人账号"
          autoComplete="off"
          value={value.username}
          onChange={(e) => onChange({ ...value, username: e.target.value })}
          data-testid={`${testId}-username`}
          style={{ width: 240 }}
        />
        <Input.Password
          addonBefore="密码"
          autoComplete="new-password"
          value={value.password}
          onChange={(e) => onChange({ ...value, password: e.target.value })}
          data-testid={`${testId}-password`}
          style={{ width: 240 }}
        />
      </Space>
    </div>
  );
}
