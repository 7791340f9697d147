import { images, phpVersions } from '../base-images.ts';
import { type Line, aptInstall, dockerignore, header, joinLines } from '../dockerfile-text.ts';
import type { RepoFacts } from '../repo-facts.ts';
import type { GenerateOptions, StackDraft } from '../types.ts';
import { pickVersion } from '../version-range.ts';

/** Extensions docker-php-ext-install can build, with the -dev packages they need. */
const extensions: Record<string, string[]> = {
  bcmath: [],
  exif: [],
  mysqli: [],
  opcache: [],
  pcntl: [],
  pdo_mysql: [],
  sockets: [],
  pdo_pgsql: ['libpq-dev'],
  pgsql: ['libpq-dev'],
  intl: ['libicu-dev'],
  zip: ['libzip-dev'],
};

interface ComposerJson {
  require?: Record<string, string>;
}

export async function detectPhp(repo: RepoFacts, options: GenerateOptions): Promise<StackDraft | null> {
  const hasComposer = repo.has('composer.json');
  if (!hasComposer && !repo.has('index.php') && !repo.has('public/index.php')) return null;
  const explanation = [
    hasComposer
      ? 'Found composer.json, so this is a PHP app; Composer installs its dependencies in a separate stage.'
      : 'Found index.php and no composer.json, so this is a plain PHP site.',
  ];
  const composer = hasComposer ? ((await repo.json('composer.json')) as ComposerJson | null) : null;
  const require = composer?.require ?? {};
  const version = pickVersion(phpVersions, require.php) ?? phpVersions[0];
  if (require.php) explanation.push(`composer.json requires PHP "${require.php}", so the image uses PHP ${version}.`);

  const wanted = Object.keys(require)
    .filter((k) => k.startsWith('ext-'))
    .map((k) => k.slice(4));
  const installable = wanted.filter((e) => e in extensions);
  if (installable.length > 0)
    explanation.push(
      `composer.json needs ${installable.map((e) => `ext-${e}`).join(', ')}, so those extensions are compiled in.`,
    );
  const devPackages = [...new Set(installable.flatMap((e) => extensions[e] ?? []))];
  const extensionLines: Line[] = [
    devPackages.length > 0 ? aptInstall(devPackages) : null,
    installable.length > 0 ? `RUN docker-php-ext-install ${installable.join(' ')}` : null,
  ];

  const publicDir = repo.has('public/index.php') || repo.has('public/index.html');
  if (publicDir) explanation.push('The web root is public/ (as in Laravel and Symfony), so only it is served.');
  const docRoot = publicDir ? '/var/www/html/public' : '/var/www/html';
  const vendorStage: Line[] = hasComposer
    ? [
        `FROM ${images.composer} AS vendor`,
        'WORKDIR /app',
        repo.has('composer.lock') ? 'COPY composer.json composer.lock ./' : 'COPY composer.json ./',
        // Platform checks run against the real runtime image, not the composer image.
        'RUN composer install --no-dev --no-interaction --no-progress --prefer-dist --no-scripts --no-autoloader --ignore-platform-reqs',
        'COPY . .',
        'RUN composer dump-autoload --no-dev --optimize',
        '',
      ]
    : [];
  const source = hasComposer
    ? 'COPY --from=vendor --chown=www-data:www-data /app /var/www/html'
    : 'COPY --chown=www-data:www-data . /var/www/html';

  if (await wantsFpm(repo)) {
    const port = options.port ?? 9000;
    explanation.push(
      'The repository ships an nginx config with fastcgi_pass, so the image runs php-fpm for that web server to talk to.',
      `php-fpm speaks FastCGI on port ${port}, not HTTP: put nginx (or Caddy) in front of it.`,
    );
    const dockerfile = joinLines(
      header('PHP-FPM'),
      vendorStage,
      `FROM ${images.phpFpm(version)}`,
      extensionLines,
      'RUN mv "$PHP_INI_DIR/php.ini-production" "$PHP_INI_DIR/php.ini"',
      port !== 9000 ? `RUN sed -i 's/^listen = .*/listen = ${port}/' /usr/local/etc/php-fpm.d/zz-docker.conf` : null,
      source,
      `ENV PORT=${port}`,
      `EXPOSE ${port}`,
    );
    return result('php-fpm', dockerfile, port, 'php-fpm', explanation);
  }

  const port = options.port ?? 80;
  explanation.push(
    `Apache serves the app on port ${port}: Listen and the virtual host read \${PORT}, which Apache expands from the environment.`,
    'Apache starts as root to bind the port and serves requests as www-data.',
  );
  const dockerfile = joinLines(
    header('PHP'),
    vendorStage,
    `FROM ${images.phpApache(version)}`,
    extensionLines,
    'RUN a2enmod rewrite && mv "$PHP_INI_DIR/php.ini-production" "$PHP_INI_DIR/php.ini"',
    `ENV APACHE_DOCUMENT_ROOT=${docRoot} PORT=${port}`,
    // Single quotes leave ${...} for Apache to expand at start-up.
    // biome-ignore-start lint/suspicious/noTemplateCurlyInString: Dockerfile text; Apache expands ${...}
    "RUN sed -ri -e 's!/var/www/html!${APACHE_DOCUMENT_ROOT}!g' /etc/apache2/sites-available/*.conf" +
      " && sed -ri -e 's!^Listen 80$!Listen ${PORT}!' /etc/apache2/ports.conf" +
      " && sed -ri -e 's!<VirtualHost \\*:80>!<VirtualHost *:${PORT}>!' /etc/apache2/sites-available/000-default.conf",
    // biome-ignore-end lint/suspicious/noTemplateCurlyInString: Dockerfile text ends
    source,
    `EXPOSE ${port}`,
  );
  return result('php-apache', dockerfile, port, 'apache2-foreground', explanation);
}

function result(
  stack: string,
  dockerfile: string,
  port: number,
  startCommand: string,
  explanation: string[],
): StackDraft {
  return {
    stack,
    dockerfile,
    dockerignore: dockerignore(['vendor', 'node_modules', 'storage/logs/*', 'storage/framework/cache/*']),
    port,
    startCommand,
    explanation,
  };
}

/** An nginx config that passes PHP to FastCGI means the app expects php-fpm behind its own web server. */
async function wantsFpm(repo: RepoFacts): Promise<boolean> {
  for (const file of repo.matching(/(^|\/)(nginx|default|site)[^/]*\.conf$/).slice(0, 10)) {
    if (/fastcgi_pass/.test((await repo.read(file)) ?? '')) return true;
  }
  return false;
}
