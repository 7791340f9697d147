import { DomainError } from '../../errors.ts';
import { images } from '../base-images.ts';
import { aptInstall, dockerignore, execCmd, header, joinLines } from '../dockerfile-text.ts';
import type { RepoFacts } from '../repo-facts.ts';
import type { GenerateOptions, StackDraft } from '../types.ts';
import { tomlArrayTables, tomlString, tomlTable } from './toml-lite.ts';

const defaultPort = 8080;

export async function detectRust(repo: RepoFacts, options: GenerateOptions): Promise<StackDraft | null> {
  const cargo = await repo.read('Cargo.toml');
  if (cargo === null) return null;
  const explanation = ['Found Cargo.toml, so this is a Rust app, compiled in release mode in a rust build stage.'];
  const bins = tomlArrayTables(cargo, 'bin')
    .map((b) => tomlString(b, 'name'))
    .filter((n): n is string => Boolean(n));
  const packageName = tomlString(tomlTable(cargo, 'package') ?? '', 'name');
  const binary = bins[0] ?? packageName;
  if (!binary) {
    throw new DomainError(
      'invalid',
      'Found Cargo.toml, but no package or [[bin]] to build.',
      'For a workspace, add a Dockerfile, or generate from the member crate that holds the server.',
    );
  }
  explanation.push(
    bins[0] ? `Cargo.toml declares the binary ${binary}.` : `The binary is the package name, ${binary}.`,
  );
  const locked = repo.has('Cargo.lock');
  if (locked) explanation.push('Found Cargo.lock, so the build uses --locked.');
  const port = options.port ?? defaultPort;
  explanation.push(
    `The binary runs on debian:bookworm-slim (with CA certificates) as the unprivileged app user; it must listen on 0.0.0.0 and read PORT (${port}).`,
  );

  const dockerfile = joinLines(
    header('Rust'),
    `FROM ${images.rust} AS build`,
    'WORKDIR /src',
    'COPY . .',
    `RUN cargo build --release${locked ? ' --locked' : ''} --bin ${binary} && cp target/release/${binary} /${binary}`,
    '',
    `FROM ${images.debian}`,
    aptInstall(['ca-certificates']),
    'RUN useradd --uid 10001 --no-create-home app',
    `COPY --from=build /${binary} /usr/local/bin/${binary}`,
    'USER app',
    `ENV PORT=${port}`,
    `EXPOSE ${port}`,
    execCmd([`/usr/local/bin/${binary}`]),
  );
  return { stack: 'rust', dockerfile, dockerignore: dockerignore(['target']), port, startCommand: binary, explanation };
}
