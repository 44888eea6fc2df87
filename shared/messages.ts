/** zh-CN messages and field names used when reporting invalid input. */
export const FIELD_LABELS: Record<string, string> = {
  username: '用户名', password: '密码', oldPassword: '原密码', newPassword: '新密码', displayName: '姓名', badgeNo: '警号/工号',
  agencyId: '所属单位', agencyName: '单位名称', agencyCode: '单位代码', roles: '角色', code: '编码', name: '名称', kind: '类型',
  parentId: '上级', caseNo: '案件编号', cause: '案由', officerName: '承办人', caseId: '案件', seizureDocNo: '扣押决定书编号',
  seizedAt: '扣押时间', seizedBy: '扣押人', items: '物品', category: '类别', spec: '规格', quantity: '数量', unit: '单位',
  features: '特征描述', estimatedValue: '估值', cashAmount: '现金金额', source: '来源', ownerName: '持有人/所有人',
  ownerIdNo: '证件号码', sealNo: '封签号', flags: '标记', id: '编号', q: '关键词', status: '状态', offset: '起始行', limit: '每页条数',
  locationId: '库位', itemIds: '物品', itemCodes: '物品编码', reason: '事由', dueAt: '归还期限', note: '备注', condition: '状况',
  conditionNote: '状况说明', witness: '见证人', witnesses: '见证人', counterpart: '交接人', idNo: '证件号码', legalBasis: '法律依据',
  toAgencyId: '接收单位', comment: '意见', claimant: '领取人', method: '处置方式', executor: '执行人', actualDate: '实际执行日期',
  requestId: '申请单', stock: '标签规格', mode: '移送方式', base64: '文件内容', mime: '文件类型',
  itemId: '物品', locationCode: '库位编码', itemCode: '物品编码', eventId: '流转记录编号', action: '操作', locationIds: '库位', reprint: '补打',
purpose: '用途', borrower: '借用人', scannedCodes: '扫描条码', approve: '审批结论', accept: '接收结论', scans: '归还扫描',
  newDueAt: '新的归还期限', idType: '证件类型', authorisationDocNo: '授权委托书编号', receiveIntoCentre: '是否入中心库', box: '待办类别',
  mine: '仅看我的申请', hostAgencyId: '主办单位', conditionOut: '出库状况', type: '文书类型', toLocationId: '目标库位',
  storeId: '所属库', active: '是否启用', before: '翻页位置', holdingAgencyId: '持有单位', seizedFrom: '扣押时间起',
  seizedTo: '扣押时间止', flag: '标记', beforeSeq: '翻页位置', toStoreId: '调入库', escort: '押运人', direction: '调拨方向',
  openOnly: '仅看未完成', filter: '筛选条件', jobId: '作业编号', scopeCode: '盘点范围', blind: '盲盘', discrepancyId: '差异记录',
  changes: '更正内容', toDecide: '仅看待我审批', observedSealNo: '实际封签号', cashAmountFound: '清点现金金额',
};

export const MSG = {
  unknownMethod: (m: string) => `未知的接口：${m}`,
  notSignedIn: '尚未登录或登录已过期，请重新登录',
  forbidden: (summary: string) => `您的角色无权执行「${summary}」`,
  badInput: '输入有误',
  internal: '系统内部错误，操作未生效，请重试或联系管理员',
  badOutput: '系统返回的数据不完整，操作未生效',
  mustChangePassword: '您正在使用初始密码或管理员重置的密码，须先修改密码才能办理其他业务',
  conflictRetry: '数据已被他人修改，请刷新后重试',
  busyRetry: '数据库正忙（另一个终端或程序正在写入），本次操作未生效，请稍后重试',
} as const;
