// Builds the renderer once if it is missing, so `npm run serve` works on a fresh clone.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (!existsSync('out/renderer/index.html') || process.env.SEIZED_REBUILD === '1') {
  console.log('[serve] 正在构建界面（首次约需 20 秒）…');
  execSync('npm run build', { stdio: 'inherit' });
}
