/** Packaging cannot run here (no Electron binary), so the config is checked against electron-builder's own schema. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(s: string): Record<string, unknown> };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(cfg: unknown, debugLogger: unknown): Promise<void>;
};
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('electron-builder.yml', () => {
  it('matches electron-builder’s schema', async () => {
    await expect(validateConfiguration(config, { add() {}, isEnabled: false })).resolves.toBeUndefined();
  });

  it('targets Windows NSIS x64 and Linux deb + AppImage on x64 and arm64, with the Chinese font', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.extraResources[0]).toMatchObject({ from: 'resources/fonts', to: 'fonts' });
  });

  it('keeps electron and electron-builder out of dependencies (electron-builder refuses otherwise)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; main: string };
    expect(Object.keys(pkg.dependencies)).not.toContain('electron');
    expect(Object.keys(pkg.dependencies)).not.toContain('electron-builder');
    expect(pkg.main).toBe('out/main/index.js');
  });
});
