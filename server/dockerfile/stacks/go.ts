import { DomainError } from '../../errors.ts';
import { goVersions, images } from '../base-images.ts';
import { dockerignore, execCmd, header, joinLines } from '../dockerfile-text.ts';
import type { RepoFacts } from '../repo-facts.ts';
import type { GenerateOptions, StackDraft } from '../types.ts';
import { parseVersion } from '../version-range.ts';

const defaultPort = 8080;

export async function detectGo(repo: RepoFacts, options: GenerateOptions): Promise<StackDraft | null> {
  const gomod = await repo.read('go.mod');
  if (gomod === null) return null;
  const explanation = ['Found go.mod, so this is a Go module, compiled in a golang build stage.'];
  const modulePath = /^module\s+(\S+)/m.exec(gomod)?.[1] ?? 'app';
  const goVersion = chooseGoVersion(/^go\s+(\d+\.\d+)/m.exec(gomod)?.[1], explanation);
  const pkg = await findMainPackage(repo, modulePath, explanation);
  const binary =
    modulePath
      .split('/')
      .pop()
      ?.replace(/[^\w.-]/g, '') || 'app';
  const port = options.port ?? defaultPort;
  explanation.push(
    'The binary is built with CGO_ENABLED=0, so it runs on debian:bookworm-slim with only the CA certificates copied over.',
    `The app must listen on 0.0.0.0 and read PORT (${port}); it runs as the unprivileged app user.`,
  );

  const dockerfile = joinLines(
    header('Go'),
    `FROM ${images.golang(goVersion)} AS build`,
    'WORKDIR /src',
    repo.has('go.sum') ? 'COPY go.mod go.sum ./' : 'COPY go.mod ./',
    'RUN go mod download',
    'COPY . .',
    `RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/${binary} ${pkg}`,
    '',
    `FROM ${images.debian}`,
    'COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt',
    `COPY --from=build /out/${binary} /usr/local/bin/${binary}`,
    'RUN useradd --uid 10001 --no-create-home app',
    'USER app',
    `ENV PORT=${port}`,
    `EXPOSE ${port}`,
    execCmd([`/usr/local/bin/${binary}`]),
  );
  return {
    stack: 'go',
    dockerfile,
    dockerignore: dockerignore(['bin', '*.test', 'coverage.out']),
    port,
    startCommand: binary,
    explanation,
  };
}

/** The newer of go.mod's minimum and the default, so the toolchain is never too old. */
function chooseGoVersion(required: string | undefined, explanation: string[]): string {
  const fallback = goVersions[0];
  const wanted = required ? parseVersion(required) : null;
  if (!required || !wanted) return fallback;
  const newer = goVersions.filter((v) => compare(parseVersion(v) ?? [], wanted) >= 0);
  const choice = newer.includes(fallback) ? fallback : newer[0];
  if (!choice) {
    explanation.push(
      `go.mod needs Go ${required}, newer than the images known here; using ${images.golang(goVersions.at(-1) ?? fallback)}.`,
    );
    return goVersions.at(-1) ?? fallback;
  }
  explanation.push(`go.mod needs Go ${required} or newer, so the build uses ${images.golang(choice)}.`);
  return choice;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

async function findMainPackage(repo: RepoFacts, modulePath: string, explanation: string[]): Promise<string> {
  for (const file of repo.matching(/^[^/]+\.go$/).filter((f) => !f.endsWith('_test.go'))) {
    if (/^package\s+main\b/m.test((await repo.read(file)) ?? '')) {
      explanation.push(`${file} is package main, so the module root is built.`);
      return '.';
    }
  }
  const commands = repo.matching(/^cmd\/[^/]+\/main\.go$/).map((f) => f.slice(0, -'/main.go'.length));
  const name = modulePath.split('/').pop();
  const chosen =
    commands.find((c) => c === `cmd/${name}`) ?? commands.find((c) => /\/(server|api|web)$/.test(c)) ?? commands[0];
  if (chosen) {
    explanation.push(
      commands.length > 1
        ? `Found several commands (${commands.join(', ')}); ${chosen} is built. Change the go build line for another.`
        : `Found ${chosen}/main.go, so ./${chosen} is built.`,
    );
    return `./${chosen}`;
  }
  const other = repo.matching(/(^|\/)main\.go$/)[0];
  if (other) {
    const dir = other.slice(0, -'/main.go'.length);
    explanation.push(`Found ${other}, so ./${dir} is built.`);
    return `./${dir}`;
  }
  throw new DomainError(
    'invalid',
    'Found go.mod, but no main package to build.',
    'Add a main.go (package main) at the root or under cmd/<name>/, or add a Dockerfile.',
  );
}
