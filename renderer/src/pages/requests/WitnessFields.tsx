/** Two witnesses for an execution: a system user confirming with their own password, or (where allowed) a named person. */
import { Col, Form, Input, Row, Typography } from 'antd';

export type WitnessValue = { username?: string; password?: string; name?: string; idNo?: string };

export function WitnessFields({ credentials, executor, count = 2 }: { credentials: boolean; executor: string; count?: 1 | 2 }) {
  return (
    <div data-testid="witnesses">
      <Typography.Text strong>
        执行人：{executor}；见证人{count === 2 ? '两名（须为不同的人，且不能是执行人本人）' : '一名（不能是执行人本人）'}
        {credentials ? '，每人输入本人账号和密码确认' : '：系统用户输入账号和密码，或填写外部见证人姓名和证件号'}
      </Typography.Text>
      {(count === 2 ? [0, 1] : [0]).map((i) => (
        <Row gutter={8} key={i} style={{ marginTop: 6 }}>
          <Col span={credentials ? 12 : 6}>
            <Form.Item label={`见证人${i + 1} 账号`} name={['witnesses', i, 'username']} style={{ marginBottom: 4 }}>
              <Input data-testid={`w${i + 1}-username`} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={credentials ? 12 : 6}>
            <Form.Item label="密码" name={['witnesses', i, 'password']} style={{ marginBottom: 4 }}>
              <Input.Password data-testid={`w${i + 1}-password`} autoComplete="new-password" />
            </Form.Item>
          </Col>
          {!credentials && (
            <>
              <Col span={6}>
                <Form.Item label="或 姓名" name={['witnesses', i, 'name']} style={{ marginBottom: 4 }}>
                  <Input data-testid={`w${i + 1}-name`} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label="证件号" name={['witnesses', i, 'idNo']} style={{ marginBottom: 4 }}>
                  <Input />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      ))}
    </div>
  );
}

/** Witness rows the user filled in, in the shape request.execute takes. */
export function witnessInput(list: WitnessValue[] | undefined): WitnessValue[] {
  return (list ?? [])
    .filter((w) => w && (w.username?.trim() || w.name?.trim()))
    .map((w) => (w.username?.trim() ? { username: w.username.trim(), password: w.password ?? '' } : { name: w.name!.trim(), idNo: w.idNo?.trim() || undefined }));
}
