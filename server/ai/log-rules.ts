/**
 * The offline diagnosis: known failure shapes recognised in a deployment's log lines, each with
 * its cause and fix. It needs no model, so "why did my deploy fail?" gets a grounded answer on a
 * panel without a provider, and the model's answer can be checked against the same lines.
 */

type EvidenceSource = 'deployment_log' | 'container_log';

export interface EvidenceLine {
  /** The deployment log's line number (seq), or the position in the container's log tail. */
  line: number;
  source: EvidenceSource;
  /** Already scrubbed of secrets. */
  text: string;
}

export interface DiagnosisFacts {
  /** The port the panel probes, from the deployment's settings. */
  port: number | null;
  /** The recorded error, scrubbed. */
  error: string | null;
  status: string;
}

export interface RuleDiagnosis {
  /** Which rule matched; `unrecognised` when none did. */
  rule: string;
  cause: string;
  fix: string;
  citations: EvidenceLine[];
}

interface Rule {
  id: string;
  pattern: RegExp;
  /** `at` is the matched line's index in `lines`; null declines the match. */
  cause: (m: RegExpMatchArray, facts: DiagnosisFacts, lines: EvidenceLine[], at: number) => string | null;
  fix: (m: RegExpMatchArray, facts: DiagnosisFacts) => string;
  /** Further lines the cause rests on (other than the decisive one). */
  also?: (lines: EvidenceLine[], facts: DiagnosisFacts) => EvidenceLine[];
}

const LISTENING = /(?:listening|running|started|serving)\b[^\n]*?(?:port\s*|:)(\d{2,5})\b/i;

/** Most specific first: an OOM kill also ends in a non-zero exit code, a missing npm in a failed RUN. */
const RULES: Rule[] = [
  {
    id: 'dockerfile_missing',
    pattern:
      /Cannot locate specified Dockerfile:?\s*(\S*)|failed to read dockerfile|open (\S*Dockerfile\S*): no such file/i,
    cause: (m) => `The build found no Dockerfile${m[1] || m[2] ? ` at ${m[1] || m[2]}` : ''} in the source.`,
    fix: () =>
      'Commit a Dockerfile at that path, point source.dockerfilePath (and subdir) at the real one with update_app, or set source.generateDockerfile=true to let the panel write one (preview it with generate_dockerfile).',
  },
  {
    id: 'registry_unreachable',
    pattern: /Get "?(https?:\/\/[^/"\s]+)\/v2\/[^"\s]*"?: (.+)/i,
    cause: (m, _facts, lines, at) => {
      const image = fromImage(lines, at);
      return `The base image${image ? ` ${image}` : ''} is not on this server and its registry (${m[1]}) could not be reached: ${truncate(m[2]!, 160)}`;
    },
    fix: () =>
      'Check the image name and tag in the FROM line (a typo sends the pull to the wrong place); if it is right, let the Docker host reach the registry (network, DNS, proxy) or pull the image onto the host first.',
  },
  {
    id: 'base_image_missing',
    pattern:
      /pull access denied for ([^\s,]+)|manifest (?:for|unknown)[: ]+([^\s]+)?[^\n]*not found|repository does not exist|failed to resolve (?:source metadata|reference) (?:for )?"?([^\s"]+)|No such image: (\S+)/i,
    cause: (m, _facts, lines, at) => {
      const image = m[1] || m[2] || m[3] || m[4] || fromImage(lines, at);
      return `The base image${image ? ` ${image}` : ''} could not be pulled: it does not exist, the tag is wrong, or the registry needs a login.`;
    },
    fix: () =>
      'Fix the FROM line: check the image name and tag on its registry (for example node:22-slim), or push the image to a registry this server can read.',
  },
  {
    id: 'out_of_memory',
    pattern: /OOMKilled|out of memory|JavaScript heap out of memory|code:? 137\b|\bKilled\s*$/i,
    cause: (_m, facts) =>
      `The process ran out of memory and was killed${facts.error?.includes('137') ? ' (exit code 137)' : ''}.`,
    fix: () =>
      'Raise memoryMb with update_app (or remove the limit), or lower the memory the build or app uses (for Node, NODE_OPTIONS=--max-old-space-size).',
  },
  {
    id: 'package_manager_missing',
    pattern: /\b(npm|pnpm|yarn|node|bun|pip3?|python3?|go|cargo|bundle|composer|java)\b:? (?:command )?not found/i,
    cause: (m) => `The command ${m[1]} is not installed in the image the step runs in.`,
    fix: (m) =>
      /^(pnpm|yarn)$/i.test(m[1]!)
        ? `Base the image on one that has Node, and enable ${m[1]} before using it (RUN corepack enable), or use npm.`
        : `Use a base image that ships ${m[1]} (for example the official image of that language), or install it in an earlier RUN step.`,
  },
  {
    id: 'copy_missing',
    pattern:
      /COPY failed:[^\n]*?(?:stat |not found[^:]*: )?([^\s:]+)?: (?:file does not exist|no such file)|COPY failed: [^\n]+/i,
    cause: () => 'A COPY step names a file that is not in the build context (missing, or left out by .dockerignore).',
    fix: () => 'Check the COPY paths against the repository (and subdir), and the .dockerignore rules.',
  },
  {
    id: 'port_mismatch',
    pattern: /did not become healthy[^\n]*(?:port (\d+)|refused|timed out|Not healthy)/i,
    cause: (_m, facts, lines) => {
      const heard = lines.map((l) => l.text.match(LISTENING)?.[1]).find((p) => p && Number(p) !== facts.port);
      return heard && facts.port
        ? `The app listens on port ${heard}, but the panel checks port ${facts.port}, so the health check never passed.`
        : null;
    },
    also: (lines, facts) =>
      lines.filter((l) => Number(l.text.match(LISTENING)?.[1] ?? facts.port) !== facts.port).slice(-1),
    fix: (_m, facts) =>
      `Set the app's port to the one it listens on with update_app (it is ${facts.port ?? 'unset'} now), or make the app listen on $PORT.`,
  },
  {
    id: 'container_exited',
    pattern: /The container (?:exited with code|keeps restarting; it last exited with code) (\d+)/i,
    cause: (m) =>
      `The container stopped during start-up with exit code ${m[1]}: the app crashed or its start command ended.`,
    fix: () =>
      'Read the [container] lines just before it for the app error (a missing env var, a failed database connection, a wrong start command); fix that with set_env_vars or update_app, or in the code.',
  },
  {
    id: 'health_timeout',
    pattern: /did not become healthy|Not healthy after \d+ ms/i,
    cause: (_m, facts) =>
      `The container started but never answered the health check${facts.port ? ` on port ${facts.port}` : ''} in time.`,
    fix: () =>
      'Make sure the app listens on 0.0.0.0 (not 127.0.0.1) on the app port and answers the health check path; if it only starts slowly, raise healthTimeoutSeconds with update_app.',
  },
  {
    id: 'git_fetch',
    pattern:
      /Repository not found|Could not read from remote repository|Authentication failed|couldn't find remote ref|Permission denied \(publickey\)/i,
    cause: () => 'The source could not be fetched from git: the repository, the ref or the access is wrong.',
    fix: () =>
      'Check the repository URL and ref with get_app; for a private repository give the app a deploy key or a token URL with update_app.',
  },
  {
    id: 'disk_full',
    pattern: /no space left on device/i,
    cause: () => 'The server ran out of disk space.',
    fix: () => 'Free space on the Docker host (old images, build cache), then deploy again.',
  },
  {
    id: 'build_step_failed',
    pattern:
      /The command '([^\n]+)' returned a non-zero code: (\d+)|(?:process "([^\n]+)"|RUN [^\n]*) did not complete successfully: exit code:? (\d+)/i,
    cause: (m) => `A build step failed: \`${truncate(m[1] ?? m[3] ?? 'RUN', 160)}\` exited with code ${m[2] ?? m[4]}.`,
    fix: () =>
      "The lines just before it are that step's own output and name the reason; fix the repository (or the command) and deploy again.",
  },
];

/** The image of the last `FROM` step before line `at`, as the build printed it. */
function fromImage(lines: EvidenceLine[], at: number): string | null {
  for (let i = Math.min(at, lines.length - 1); i >= 0; i--) {
    const m = lines[i]!.text.match(/^Step \d+\/\d+ : FROM (\S+)|^\s*FROM (\S+)/i);
    if (m) return m[1] ?? m[2]!;
  }
  return null;
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Rules whose decisive line only says that something failed; the lines before it say what. */
const LEAD_UP_RULES = new Set(['build_step_failed', 'container_exited', 'registry_unreachable', 'base_image_missing']);

/** The output of the step that failed: the few lines before the decisive one, errors first. */
function leadUp(lines: EvidenceLine[], at: number): EvidenceLine[] {
  const before = lines
    .slice(Math.max(0, at - 6), at)
    .filter((l) => /err|fail|fatal|denied|not found|cannot|refused|^Step \d+\/\d+ : FROM /i.test(l.text));
  return before.slice(-2);
}

export function diagnoseFromLogs(lines: EvidenceLine[], facts: DiagnosisFacts): RuleDiagnosis {
  const errorLine: EvidenceLine[] = facts.error ? [{ line: 0, source: 'deployment_log', text: facts.error }] : [];
  // Searched from the end, the recorded error (first here) comes last: it repeats the decisive line, a better citation.
  const searchable = [...errorLine, ...lines];
  for (const rule of RULES) {
    for (let i = searchable.length - 1; i >= 0; i--) {
      const m = searchable[i]!.text.match(rule.pattern);
      if (!m) continue;
      const at = i - errorLine.length; // index in `lines`; -1 for the recorded error
      const cause = rule.cause(m, facts, lines, at < 0 ? lines.length - 1 : at);
      if (cause === null) break;
      const cited = at < 0 ? [] : [lines[at]!];
      const extra = LEAD_UP_RULES.has(rule.id) ? leadUp(lines, at < 0 ? lines.length : at) : [];
      const also = rule.also?.(lines, facts).filter((l) => !cited.includes(l)) ?? [];
      return { rule: rule.id, cause, fix: rule.fix(m, facts), citations: [...also, ...extra, ...cited] };
    }
  }
  const stderr = lines.filter((l) => /^\[stderr\]|error|fail/i.test(l.text)).slice(-3);
  return {
    rule: 'unrecognised',
    cause: facts.error
      ? `The deployment ended ${facts.status} with: ${truncate(facts.error, 300)}`
      : `The deployment is ${facts.status}; its log shows no known failure pattern.`,
    fix: 'Read the cited lines and the full log with get_build_logs; with a model provider configured, diagnose_deployment can reason over them.',
    citations: stderr.length ? stderr : lines.slice(-3),
  };
}
