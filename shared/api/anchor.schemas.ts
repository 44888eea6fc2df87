/** Signed ledger checkpoints (账本校验凭证): the exported file and the check of the ledger against them. */
import { z } from 'zod';

export const CHECKPOINT_FORMAT = 'seized-ledger-checkpoint/1';

export const checkpointFile = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  /** Events in the ledger when signed (the chain head's seq). */
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/, '链头哈希格式不对'),
  signedAt: z.string().max(40),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  /** Ed25519 public key, base64 SPKI DER. */
  publicKey: z.string().max(200),
  signature: z.string().max(200),
});
export type CheckpointFile = z.infer<typeof checkpointFile>;

export const anchorCheckDto = z.object({
  seq: z.number(),
  hash: z.string(),
  signedAt: z.string(),
  /** Signature valid, by this system's key. */
  signatureOk: z.boolean(),
  sameKey: z.boolean(),
  /** The ledger still contains that event with that hash, and its chain runs intact from there to the head. */
  extends: z.boolean(),
  message: z.string(),
});
export type AnchorCheck = z.infer<typeof anchorCheckDto>;

/** The QR text of a checkpoint: everything needed to check it, without the public key (the system knows it). */
export function checkpointQr(c: CheckpointFile): string {
  return `ANCHOR|${c.seq}|${c.hash}|${c.signedAt}|${c.keyId}|${c.signature}`;
}
