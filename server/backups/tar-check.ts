import fs from 'node:fs';
import { DomainError } from '../errors.ts';

const BLOCK = 512;

const corrupted = (why: string) =>
  new DomainError(
    'invalid',
    `The backup is not a complete tar archive (${why}).`,
    'Nothing was restored. Pick another backup.',
  );

function octal(field: Buffer): number {
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  // GNU base-256 sizes (files over 8 GiB) set the top bit of the first byte.
  if (field[0]! & 0x80) return Number(field.subarray(1).reduce((n, b) => n * 256n + BigInt(b), 0n));
  return text === '' ? 0 : Number.parseInt(text, 8);
}

/**
 * Walks a tar file's headers without extracting it: every header's checksum must match, every
 * member's data must be there, and the archive must end with its zero blocks. A tar cut short
 * (a truncated upload, a full disk) fails here, before a restore touches a volume.
 * Returns the number of members.
 */
export async function checkTarFile(file: string): Promise<number> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const { size } = await fd.stat();
    const header = Buffer.alloc(BLOCK);
    let offset = 0;
    let members = 0;
    for (;;) {
      if (offset + BLOCK > size) throw corrupted(`it ends at byte ${size} without the end-of-archive marker`);
      await fd.read(header, 0, BLOCK, offset);
      if (header.every((b) => b === 0)) {
        if (offset + 2 * BLOCK > size) throw corrupted('the end-of-archive marker is cut off');
        return members;
      }
      const stored = octal(header.subarray(148, 156));
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
      if (sum !== stored) throw corrupted(`a damaged header at byte ${offset}`);
      const type = String.fromCharCode(header[156]!);
      // Links, directories and devices carry no data, whatever their size field says.
      const hasData = !['1', '2', '3', '4', '5', '6'].includes(type);
      const dataSize = hasData ? octal(header.subarray(124, 136)) : 0;
      offset += BLOCK + Math.ceil(dataSize / BLOCK) * BLOCK;
      if (offset > size) throw corrupted(`member ${members + 1} is cut off`);
      members++;
    }
  } finally {
    await fd.close();
  }
}
