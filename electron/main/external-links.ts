/**
 * The one allow-list of outside addresses the desktop app may open in the system browser. Free of Electron imports,
 * so it is tested under plain Node. Everything else (other sites, http:, file:, custom schemes) is refused.
 */
export const EXTERNAL_LINK_ALLOW_LIST: readonly string[] = [
  // 国家法律法规数据库: the laws the forms cite (刑事诉讼法, 涉案财物管理规定).
  'https://flk.npc.gov.cn/',
];

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const normalised = `${url.origin}${url.pathname}`;
  return EXTERNAL_LINK_ALLOW_LIST.some((prefix) => normalised.startsWith(prefix));
}
