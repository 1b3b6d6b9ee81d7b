import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DamagedArchiveError, decryptStream, encryptStream, WrongPassphraseError } from '../../scripts/lib/backup/crypto';

const CHUNK = 64 * 1024;
const SEALED = CHUNK + 16;
const HEADER = 51;

async function collect(source: Buffer, transform: NodeJS.ReadWriteStream, pieces = 7): Promise<Buffer> {
  const out: Buffer[] = [];
  // Written in uneven pieces: chunk boundaries must not depend on how the bytes arrive.
  const step = Math.max(1, Math.ceil(source.length / pieces));
  const parts = Array.from({ length: Math.ceil(source.length / step) }, (_, i) => source.subarray(i * step, (i + 1) * step));
  await pipeline(Readable.from(parts), transform, async function* (stream) {
    for await (const chunk of stream) out.push(chunk as Buffer);
  });
  return Buffer.concat(out);
}

const encrypt = async (plain: Buffer, passphrase = 'gulf') => collect(plain, await encryptStream(passphrase));
const decrypt = (sealed: Buffer, passphrase = 'gulf') => collect(sealed, decryptStream(passphrase));

describe('backup encryption (AES-256-GCM in 64 KiB chunks, scrypt key)', () => {
  it.each([0, 1, CHUNK, CHUNK + 1, 3 * CHUNK])('round-trips %i bytes', async (size) => {
    const plain = crypto.randomBytes(size);
    const sealed = await encrypt(plain);
    expect(sealed.length).toBe(HEADER + plain.length + 16 * Math.max(1, Math.ceil(plain.length / CHUNK)));
    expect((await decrypt(sealed)).equals(plain)).toBe(true);
  });

  it('tells a wrong passphrase from damage, and catches damage, truncation and a dropped chunk', async () => {
    const sealed = await encrypt(crypto.randomBytes(3 * CHUNK));
    await expect(decrypt(sealed, 'other')).rejects.toBeInstanceOf(WrongPassphraseError);
    const flipped = Buffer.from(sealed);
    flipped[HEADER + SEALED + 10] ^= 1;
    await expect(decrypt(flipped)).rejects.toThrow(/chunk 1 fails authentication/);
    // Cut exactly after the second chunk: what is left looks complete, but that chunk was not sealed as the last.
    await expect(decrypt(sealed.subarray(0, HEADER + 2 * SEALED))).rejects.toBeInstanceOf(DamagedArchiveError);
    const dropped = Buffer.concat([sealed.subarray(0, HEADER + SEALED), sealed.subarray(HEADER + 2 * SEALED)]);
    await expect(decrypt(dropped)).rejects.toBeInstanceOf(DamagedArchiveError);
    await expect(decrypt(sealed.subarray(0, 20))).rejects.toThrow(/encryption header/);
  });
});
