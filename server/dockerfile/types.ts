/** Reads a repository's files; implemented over a folder, an in-memory map or a Git host's API. */
export interface RepoReader {
  /** Relative POSIX paths of the files (not folders), without a leading `./`. */
  list(): Promise<string[]>;
  /** The file's text, or null when it does not exist or cannot be read. */
  read(relPath: string): Promise<string | null>;
}

export interface GeneratedDockerfile {
  /** What was detected, e.g. `node`, `nextjs`, `static-vite`, `python-fastapi`, `go`. */
  stack: string;
  dockerfile: string;
  dockerignore: string;
  /** The port the container listens on (also set as `ENV PORT`). */
  port: number;
  /** The command the container runs, as a person would type it; null when the image's default. */
  startCommand: string | null;
  /** Plain-English reasons: what was found and what it decided. */
  explanation: string[];
  /** Every image named in a FROM line, in order. */
  baseImages: string[];
}

export interface GenerateOptions {
  /** The port the app should listen on; defaults to the stack's usual port. */
  port?: number;
}

/** What a stack module hands back; the generator derives `baseImages` from the Dockerfile. */
export type StackDraft = Omit<GeneratedDockerfile, 'baseImages'>;
