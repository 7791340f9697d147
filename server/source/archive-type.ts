export type ArchiveType = 'gzip' | 'tar';

/** Bytes needed to recognise a tar: its "ustar" magic sits at offset 257. */
export const ARCHIVE_SNIFF_BYTES = 263;

/** Recognises an archive by its magic bytes (names lie); undefined when it is neither. */
export function detectArchiveType(head: Uint8Array): ArchiveType | undefined {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= ARCHIVE_SNIFF_BYTES && Buffer.from(head.subarray(257, 262)).toString('latin1') === 'ustar')
    return 'tar';
  return undefined;
}

/** A size for messages: "500 MiB", or bytes below 1 MiB. */
export function formatSize(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1 ? `${Number(mib.toFixed(1))} MiB` : `${bytes} bytes`;
}
