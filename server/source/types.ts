/** Where an app's source comes from, and what fetching it leaves on disk. */
export type SourceSpec =
  | {
      type: 'git';
      url: string;
      /** Branch, tag or commit sha; default: the remote's default branch. */
      ref?: string;
      subdir?: string;
      /** PLAINTEXT private key, decrypted by the caller; never logged. */
      deployKey?: string;
    }
  | {
      type: 'tarball';
      /** An uploaded archive already stored on disk (see storeUpload). */
      path: string;
      subdir?: string;
    };

export interface FetchedSource {
  /** The build root, with subdir applied. */
  dir: string;
  /** Full sha of the checked-out commit (git only). */
  commit?: string;
  /** Removes everything fetchSource put on disk. Safe to call twice. */
  cleanup(): Promise<void>;
}

export interface FetchOptions {
  /** A parent folder; fetchSource creates a unique temp folder inside it. */
  workDir: string;
  signal?: AbortSignal;
  /** Progress lines for the build log; credentials are already redacted. */
  onLine?: (text: string) => void;
  /** Tarballs only: refuse archives that unpack to more than this (default 500 MiB). */
  maxUnpackedBytes?: number;
  /** Tarballs only: refuse archives with more entries than this (default 100 000). */
  maxEntries?: number;
}
