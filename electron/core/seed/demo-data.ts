/** Realistic Chinese demo values for one city (滨州): causes, items, names, places. */
import type { ItemCategory, ItemSource } from '../../../shared/domain/enums';

export const CAUSES = ['盗窃', '诈骗', '走私普通货物', '贩卖毒品', '开设赌场', '非法经营', '故意伤害', '抢劫', '掩饰、隐瞒犯罪所得', '非法持有枪支'];
export const DISTRICTS = ['滨城区', '沾化区', '惠民县', '阳信县', '无棣县', '博兴县', '邹平市', '经开区', '高新区'];
export const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
export const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '建国', '海燕', '志强', '丽', '鹏'];

export type DemoItem = { name: string; category: ItemCategory; unit: string; spec?: string; features?: string; value?: number; cash?: number; source?: ItemSource };
export const ITEMS: DemoItem[] = [
  { name: '黑色苹果手机', category: 'electronics', unit: '部', spec: 'iPhone 15 Pro', features: '屏幕左上角有划痕，带黑色保护壳', value: 6500 },
  { name: '银色小米手机', category: 'electronics', unit: '部', spec: '小米 14', features: '后盖贴有卡通贴纸', value: 3200 },
  { name: '华为笔记本电脑', category: 'electronics', unit: '台', spec: 'MateBook X Pro', features: '灰色，附电源适配器', value: 8000 },
  { name: '移动硬盘', category: 'electronics', unit: '个', spec: '西部数据 2TB', features: '蓝色外壳', value: 500 },
  { name: '人民币现金', category: 'cash', unit: '捆', features: '百元面额，橡皮筋捆扎', cash: 10000 },
  { name: '金项链', category: 'valuables', unit: '条', spec: '约 15 克', features: '足金，吊坠为观音像', value: 9000 },
  { name: '玉石手镯', category: 'valuables', unit: '只', features: '翠绿色，有细微裂纹', value: 20000 },
  { name: '劳力士手表', category: 'valuables', unit: '块', spec: '绿水鬼', features: '表带有磨损', value: 70000 },
  { name: '管制刀具', category: 'weapon', unit: '把', spec: '刃长 22 厘米', features: '折叠刀，木柄' },
  { name: '银行卡', category: 'document', unit: '张', features: '农业银行借记卡' },
  { name: '账本', category: 'document', unit: '本', features: '红色封皮，记录赌资往来' },
  { name: '电动自行车', category: 'vehicle', unit: '辆', spec: '雅迪', features: '白色，车筐变形', value: 2500, source: 'sealed' },
  { name: '香烟', category: 'general', unit: '条', spec: '中华（软）', features: '未拆封', value: 650 },
  { name: '白色粉末', category: 'drug', unit: '袋', spec: '约 5 克', features: '透明自封袋包装，已封存' },
  { name: '打火机油', category: 'hazardous', unit: '瓶', features: '易燃，已单独存放' },
  { name: '海参礼盒', category: 'perishable', unit: '盒', features: '冷藏保存', value: 1200 },
  { name: '赌博机主板', category: 'electronics', unit: '块', features: '拆自老虎机，编号已磨损' },
  { name: '黑色双肩包', category: 'general', unit: '个', features: '内有衣物若干' },
];

export function personName(n: number): string {
  return SURNAMES[n % SURNAMES.length]! + GIVEN[(n * 7) % GIVEN.length]!;
}

/** A plausible (not real) 18-digit resident ID for the city. */
export function idNumber(n: number): string {
  const birth = 19600101 + ((n * 37) % 400) * 100 + ((n * 13) % 28) + 1;
  return `3716${String(2 + (n % 7)).padStart(2, '0')}${birth}${String(n % 1000).padStart(3, '0')}${n % 10}`;
}
