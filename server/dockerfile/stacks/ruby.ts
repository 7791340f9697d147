import { DomainError } from '../../errors.ts';
import { images, rubyVersions } from '../base-images.ts';
import { aptInstall, dockerignore, header, joinLines, shellCmd } from '../dockerfile-text.ts';
import type { RepoFacts } from '../repo-facts.ts';
import type { GenerateOptions, StackDraft } from '../types.ts';
import { pickVersion } from '../version-range.ts';

const defaultPort = 3000;

/** Gems that compile against system libraries, and the packages they need to build and run. */
const nativeGems: { gem: string; build: string; runtime: string }[] = [
  { gem: 'pg', build: 'libpq-dev', runtime: 'libpq5' },
  { gem: 'mysql2', build: 'default-libmysqlclient-dev', runtime: 'libmariadb3' },
];

export async function detectRuby(repo: RepoFacts, options: GenerateOptions): Promise<StackDraft | null> {
  const gemfile = await repo.read('Gemfile');
  if (gemfile === null) return null;
  const explanation = ['Found Gemfile, so this is a Ruby app; gems are installed with Bundler.'];
  const gems = new Set([...gemfile.matchAll(/^\s*gem\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? ''));
  const locked = repo.has('Gemfile.lock');
  explanation.push(
    locked
      ? 'Found Gemfile.lock, so Bundler runs in deployment mode (exact locked versions, no development or test gems).'
      : 'There is no Gemfile.lock, so Bundler resolves versions at build time; commit Gemfile.lock for repeatable builds.',
  );
  const image = images.ruby(await rubyVersion(repo, gemfile, explanation));
  const rails = gems.has('rails') || repo.has('config/application.rb');
  const port = options.port ?? defaultPort;
  const start = await rubyStart(repo, gems, rails, explanation);
  const native = nativeGems.filter((n) => gems.has(n.gem));
  if (native.length > 0)
    explanation.push(
      `The ${native.map((n) => n.gem).join(' and ')} gems build against system libraries, so those are installed.`,
    );
  const assets = rails && repo.hasDir('app/assets');
  if (assets) explanation.push('Rails assets are precompiled in the build stage with a dummy secret key.');
  explanation.push(`The app listens on 0.0.0.0:$PORT (PORT=${port}) and runs as the unprivileged app user.`);

  const bundleEnv = `BUNDLE_PATH=/usr/local/bundle BUNDLE_WITHOUT=development:test${locked ? ' BUNDLE_DEPLOYMENT=1' : ''}`;
  const runtimePackages = native.map((n) => n.runtime);
  const dockerfile = joinLines(
    header(rails ? 'Ruby on Rails' : 'Ruby'),
    `FROM ${image} AS build`,
    aptInstall(['build-essential', 'git', 'pkg-config', 'libyaml-dev', ...native.map((n) => n.build)]),
    `ENV ${bundleEnv}`,
    'WORKDIR /app',
    locked ? 'COPY Gemfile Gemfile.lock ./' : 'COPY Gemfile ./',
    'RUN bundle install && rm -rf /usr/local/bundle/cache',
    'COPY . .',
    assets ? 'RUN SECRET_KEY_BASE_DUMMY=1 RAILS_ENV=production bundle exec rails assets:precompile' : null,
    '',
    `FROM ${image}`,
    runtimePackages.length > 0 ? aptInstall(runtimePackages) : null,
    `ENV ${bundleEnv} RAILS_ENV=production RACK_ENV=production RAILS_LOG_TO_STDOUT=1 RAILS_SERVE_STATIC_FILES=1 PORT=${port}`,
    'RUN useradd --create-home --uid 10001 app',
    'WORKDIR /app',
    'COPY --from=build /usr/local/bundle /usr/local/bundle',
    // Rails writes tmp/ and log/ under the app folder.
    'COPY --from=build --chown=app:app /app /app',
    'USER app',
    `EXPOSE ${port}`,
    shellCmd(start),
  );
  return {
    stack: rails ? 'ruby-rails' : 'ruby',
    dockerfile,
    dockerignore: dockerignore(['.bundle', 'vendor/bundle', 'log/*', 'tmp/*', 'node_modules', 'coverage', 'storage/*']),
    port,
    startCommand: start,
    explanation,
  };
}

async function rubyVersion(repo: RepoFacts, gemfile: string, explanation: string[]): Promise<string> {
  const pinned = (await repo.read('.ruby-version'))?.trim().replace(/^ruby-/, '');
  const declared = /^\s*ruby\s+['"]([^'"]+)['"]/m.exec(gemfile)?.[1];
  // Bundler's ~> is the same pessimistic operator as PEP 440's ~=.
  const range = pinned ? `==${pinned.split('.').slice(0, 2).join('.')}` : declared?.replace(/^~>\s*/, '~=');
  const version = pickVersion(rubyVersions, range);
  if (range && version)
    explanation.push(`The app asks for Ruby ${pinned ?? declared}, so the image is ${images.ruby(version)}.`);
  if (range && !version)
    explanation.push(`No supported Ruby image matches ${pinned ?? declared}; using ${images.ruby(rubyVersions[0])}.`);
  return version ?? rubyVersions[0];
}

async function rubyStart(repo: RepoFacts, gems: Set<string>, rails: boolean, explanation: string[]): Promise<string> {
  const procfile = /^web:\s*(.+)$/m.exec((await repo.read('Procfile')) ?? '')?.[1]?.trim();
  if (procfile) {
    explanation.push(`The Procfile's web process ("${procfile}") is the start command.`);
    return procfile;
  }
  if (rails) {
    explanation.push('Found rails in the Gemfile, so the container runs rails server.');
    return 'bundle exec rails server -b 0.0.0.0 -p $PORT';
  }
  if (repo.has('config.ru')) {
    if (gems.has('puma')) {
      explanation.push('Found config.ru and puma, so puma serves the Rack app.');
      return 'bundle exec puma -b tcp://0.0.0.0:$PORT config.ru';
    }
    explanation.push(
      'Found config.ru, so rackup serves the Rack app; add puma to the Gemfile for a production server.',
    );
    return 'bundle exec rackup --host 0.0.0.0 --port $PORT config.ru';
  }
  const script = repo.first('app.rb', 'server.rb', 'main.rb');
  if (script) {
    explanation.push(`The container runs ruby ${script}${gems.has('sinatra') ? ' (Sinatra reads -o and -p)' : ''}.`);
    return gems.has('sinatra') ? `bundle exec ruby ${script} -o 0.0.0.0 -p $PORT` : `bundle exec ruby ${script}`;
  }
  throw new DomainError(
    'invalid',
    'Found a Gemfile, but not how to start the app.',
    'Add a config.ru, a Procfile with a "web:" line, or a Dockerfile.',
  );
}
