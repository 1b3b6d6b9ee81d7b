/**
 * Encryption of backup archives: AES-256-GCM over 64 KiB chunks, the key
 * derived from a passphrase with scrypt.
 *
 * Why chunks (the STREAM construction age and Tink use): GCM checks its tag
 * only at the end of a message, so one GCM message over a 5 GB archive would
 * feed minutes of unauthenticated bytes to tar and pg_restore. Each chunk here
 * has its own tag, so nothing leaves the decrypter before it is authenticated;
 * the nonce holds the chunk number and a last-chunk flag, so chunks cannot be
 * reordered, dropped or cut off at the end unnoticed.
 *
 * Layout: header | sealed chunk … | sealed last chunk (possibly empty).
 *   header (51 bytes): magic "KH247ENC" | version 1 | log2(N) | r | p | salt (16) | nonce prefix (7) | key check (16)
 *   sealed chunk: ciphertext (64 KiB, the last one 0–64 KiB) | GCM tag (16); additional data = the header
 *   nonce (12): prefix (7) | chunk number (uint32 BE) | 1 on the last chunk, else 0
 * scrypt gives 64 bytes: the AES key, then a key whose HMAC of the header start is the key check, so a wrong
 * passphrase is told apart from a damaged archive before any chunk is opened.
 */
import crypto from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { promisify } from 'node:util';
import { BackupError } from './errors';

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

export const MAGIC = Buffer.from('KH247ENC');
const VERSION = 1;
const CHUNK = 64 * 1024;
const TAG = 16;
const SALT = 16;
const PREFIX = 7;
const CHECK = 16;
const HEADER = MAGIC.length + 4 + SALT + PREFIX + CHECK;
// scrypt cost: N = 2^17, r = 8 (OWASP's recommendation) needs 128 * N * r = 128 MiB and ~0.4 s here, per
// backup or restore, not per chunk. Node's default scrypt memory cap is 32 MiB, hence maxmem.
const COST = { log2N: 17, r: 8, p: 1 };
// A header is read before it is authenticated: bound what it may ask for (2^20 * 8 * 128 = 1 GiB).
const MAX_COST = { log2N: 20, r: 16, p: 4 };

/** The archive's passphrase is wrong (the key check differs). */
export class WrongPassphraseError extends BackupError {
  name = 'WrongPassphraseError';
  constructor() {
    super('wrong BACKUP_PASSPHRASE for this archive');
  }
}

/** The encrypted stream is not what was written: damaged, cut off, or tampered with. */
export class DamagedArchiveError extends BackupError {
  name = 'DamagedArchiveError';
  constructor(detail: string) {
    super(`the encrypted archive is damaged or was modified (${detail})`);
  }
}

export const isEncrypted = (start: Buffer): boolean => start.subarray(0, MAGIC.length).equals(MAGIC);

async function deriveKeys(passphrase: string, salt: Buffer, cost: typeof COST) {
  const N = 2 ** cost.log2N;
  const bytes = await scrypt(passphrase, salt, 64, { N, r: cost.r, p: cost.p, maxmem: 128 * N * cost.r + 16 * 1024 * 1024 });
  return { key: bytes.subarray(0, 32), check: bytes.subarray(32) };
}

const keyCheck = (checkKey: Buffer, headerStart: Buffer) => crypto.createHmac('sha256', checkKey).update(headerStart).digest().subarray(0, CHECK);

function nonce(prefix: Buffer, index: number, last: boolean): Buffer {
  if (index > 0xffffffff) throw new Error('archive too large to encrypt (2^32 chunks of 64 KiB)');
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(index, PREFIX);
  n[11] = last ? 1 : 0;
  return n;
}

/** A stream that encrypts what is written to it (header first). */
export async function encryptStream(passphrase: string): Promise<Transform> {
  const salt = crypto.randomBytes(SALT);
  const prefix = crypto.randomBytes(PREFIX);
  const { key, check } = await deriveKeys(passphrase, salt, COST);
  const start = Buffer.concat([MAGIC, Buffer.from([VERSION, COST.log2N, COST.r, COST.p]), salt, prefix]);
  const header = Buffer.concat([start, keyCheck(check, start)]);
  let pending = Buffer.alloc(0);
  let index = 0;
  const seal = (plain: Buffer, last: boolean) => {
    const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce(prefix, index++, last), { authTagLength: TAG });
    cipher.setAAD(header);
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      pending = Buffer.concat([pending, chunk]);
      // Keep at least one byte back: the last chunk must be sealed as the last one.
      while (pending.length > CHUNK) {
        this.push(seal(pending.subarray(0, CHUNK), false));
        pending = pending.subarray(CHUNK);
      }
      callback();
    },
    flush(callback: TransformCallback) {
      this.push(seal(pending, true));
      callback();
    },
  });
  stream.push(header);
  return stream;
}

/** A stream that decrypts an archive written by encryptStream; fails with WrongPassphraseError or DamagedArchiveError. */
export function decryptStream(passphrase: string): Transform {
  let pending = Buffer.alloc(0);
  let header: Buffer | null = null;
  let key: Buffer | null = null;
  let prefix: Buffer | null = null;
  let index = 0;
  const open = (sealed: Buffer, last: boolean) => {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key!, nonce(prefix!, index, last), { authTagLength: TAG });
    decipher.setAAD(header!);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
    try {
      const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG)), decipher.final()]);
      index++;
      return plain;
    } catch {
      throw new DamagedArchiveError(`chunk ${index}${last ? ', the last one,' : ''} fails authentication`);
    }
  };
  async function readHeader(bytes: Buffer) {
    if (!isEncrypted(bytes)) throw new DamagedArchiveError('no encryption header');
    const [version, log2N, r, p] = bytes.subarray(MAGIC.length, MAGIC.length + 4);
    if (version !== VERSION) throw new DamagedArchiveError(`encryption format version ${version}, this tool reads ${VERSION}`);
    if (log2N > MAX_COST.log2N || r > MAX_COST.r || p > MAX_COST.p || !log2N || !r || !p) {
      throw new DamagedArchiveError(`scrypt parameters out of range (N=2^${log2N}, r=${r}, p=${p})`);
    }
    const start = bytes.subarray(0, HEADER - CHECK);
    const salt = start.subarray(MAGIC.length + 4, MAGIC.length + 4 + SALT);
    const keys = await deriveKeys(passphrase, salt, { log2N, r, p });
    if (!crypto.timingSafeEqual(keyCheck(keys.check, start), bytes.subarray(HEADER - CHECK, HEADER))) throw new WrongPassphraseError();
    header = Buffer.from(bytes.subarray(0, HEADER));
    prefix = start.subarray(start.length - PREFIX);
    key = keys.key;
  }
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      pending = Buffer.concat([pending, chunk]);
      const work = async () => {
        if (!header) {
          if (pending.length < HEADER) return;
          await readHeader(pending);
          pending = pending.subarray(HEADER);
        }
        // More than one sealed chunk buffered: the first is not the last one.
        while (pending.length > CHUNK + TAG) {
          this.push(open(pending.subarray(0, CHUNK + TAG), false));
          pending = pending.subarray(CHUNK + TAG);
        }
      };
      work().then(() => callback(), callback);
    },
    flush(callback: TransformCallback) {
      try {
        if (!header) throw new DamagedArchiveError('cut off inside the encryption header');
        if (pending.length < TAG) throw new DamagedArchiveError('cut off after the last complete chunk');
        this.push(open(pending, true));
        callback();
      } catch (err) {
        callback(err as Error);
      }
    },
  });
}
