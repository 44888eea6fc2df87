/**
 * The Ed25519 key that signs ledger checkpoints. It lives in a file outside the database (created on first start,
 * mode 0600), so whoever can rewrite the database still cannot sign a checkpoint for the rewritten chain.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export type AnchorKey = { privateKey: KeyObject; publicKey: KeyObject; /** Base64 SPKI DER. */ publicKeyB64: string; keyId: string; file: string };

/** `--anchor-key FILE` beats SEIZED_ANCHOR_KEY beats `<data>/keys/ledger-anchor.key`. */
export function resolveAnchorKeyFile(argv: readonly string[], dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const i = argv.indexOf('--anchor-key');
  const fromArg = i >= 0 ? argv[i + 1] : undefined;
  return resolve(fromArg ?? env.SEIZED_ANCHOR_KEY ?? join(dataDir, 'keys', 'ledger-anchor.key'));
}

/** The key id printed on checkpoints: the first 16 hex digits of SHA-256 over the public key. */
export function keyIdOf(publicKeyB64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyB64, 'base64')).digest('hex').slice(0, 16);
}

export function publicKeyFrom(b64: string): KeyObject {
  return createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' });
}

/** Loads the key file, creating it (and its folder) the first time. */
export function loadOrCreateAnchorKey(file: string): AnchorKey {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  }
  const privateKey = createPrivateKey(readFileSync(file, 'utf8'));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`签名密钥文件 ${file} 不是 Ed25519 私钥`);
  const publicKey = createPublicKey(privateKey);
  const publicKeyB64 = (publicKey.export({ format: 'der', type: 'spki' }) as Buffer).toString('base64');
  return { privateKey, publicKey, publicKeyB64, keyId: keyIdOf(publicKeyB64), file };
}
