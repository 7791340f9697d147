import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { baseImageCatalog } from './base-images.ts';
import { generateDockerfile } from './generate.ts';
import { memoryRepoReader } from './memory-repo-reader.ts';
import { explained, generateFrom, json } from './test-helpers.ts';

describe('Go', () => {
  it('builds a static binary from the module root onto debian-slim', async () => {
    const result = await generateFrom({
      'go.mod': 'module github.com/acme/api\n\ngo 1.22\n',
      'go.sum': '',
      'main.go': 'package main\n\nfunc main() {}\n',
      'main_test.go': 'package main\n',
    });
    expect(result.stack).toBe('go');
    expect(result.port).toBe(8080);
    expect(result.baseImages).toEqual(['golang:1.24-bookworm', 'debian:bookworm-slim']);
    expect(result.dockerfile).toContain('COPY go.mod go.sum ./\nRUN go mod download');
    expect(result.dockerfile).toContain('RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/api .');
    expect(result.dockerfile).toContain('USER app');
    expect(result.dockerfile).toContain('CMD ["/usr/local/bin/api"]');
    expect(result.startCommand).toBe('api');
    expect(explained(result)).toContain('Found go.mod');
    expect(explained(result)).toContain('main.go is package main');
  });

  it('builds the command under cmd/ named after the module, on a new enough Go', async () => {
    const result = await generateFrom({
      'go.mod': 'module example.com/shop\n\ngo 1.25.1\n',
      'cmd/shop/main.go': 'package main\n',
      'cmd/migrate/main.go': 'package main\n',
      'internal/x.go': 'package internal\n',
    });
    expect(result.dockerfile).toContain('go build -trimpath -ldflags="-s -w" -o /out/shop ./cmd/shop');
    expect(result.dockerfile).toContain('COPY go.mod ./\n');
    expect(result.baseImages[0]).toBe('golang:1.25-bookworm');
    expect(explained(result)).toContain('several commands');
  });
});

describe('Ruby', () => {
  it('runs Rails with Bundler in deployment mode and precompiled assets', async () => {
    const result = await generateFrom({
      Gemfile: "source 'https://rubygems.org'\nruby '3.3.4'\ngem 'rails', '~> 7.2'\ngem 'pg'\ngem 'puma'\n",
      'Gemfile.lock': 'GEM\n',
      'config/application.rb': '',
      'app/assets/config/manifest.js': '',
    });
    expect(result.stack).toBe('ruby-rails');
    expect(result.port).toBe(3000);
    expect(result.startCommand).toBe('bundle exec rails server -b 0.0.0.0 -p $PORT');
    expect(result.baseImages).toEqual(['ruby:3.3-slim-bookworm']);
    expect(result.dockerfile).toContain('BUNDLE_DEPLOYMENT=1');
    expect(result.dockerfile).toContain('COPY Gemfile Gemfile.lock ./\nRUN bundle install');
    expect(result.dockerfile).toContain(
      'SECRET_KEY_BASE_DUMMY=1 RAILS_ENV=production bundle exec rails assets:precompile',
    );
    expect(result.dockerfile).toContain('libpq-dev');
    expect(result.dockerfile).toContain('apt-get install -y --no-install-recommends libpq5');
    expect(explained(result)).toContain('Found Gemfile');
    expect(explained(result)).toContain('Found Gemfile.lock');
  });

  it('serves a Rack app with puma', async () => {
    const result = await generateFrom({
      Gemfile: "gem 'rack'\ngem 'puma'\n",
      'config.ru': 'run ->(env) { [200, {}, ["ok"]] }\n',
      '.ruby-version': '3.2.5\n',
    });
    expect(result.stack).toBe('ruby');
    expect(result.startCommand).toBe('bundle exec puma -b tcp://0.0.0.0:$PORT config.ru');
    expect(result.baseImages).toEqual(['ruby:3.2-slim-bookworm']);
    expect(result.dockerfile).not.toContain('BUNDLE_DEPLOYMENT');
    expect(explained(result)).toContain('config.ru and puma');
  });
});

describe('PHP', () => {
  it('installs Composer dependencies and serves public/ with Apache on $PORT', async () => {
    const result = await generateFrom({
      'composer.json': json({
        require: { php: '^8.2', 'laravel/framework': '^11.0', 'ext-pdo_mysql': '*', 'ext-mbstring': '*' },
      }),
      'composer.lock': '{}',
      'public/index.php': '<?php echo "ok";',
      'package.json': json({ scripts: { build: 'vite build' }, devDependencies: { vite: '^5' } }),
    });
    expect(result.stack).toBe('php-apache');
    expect(result.port).toBe(80);
    expect(result.startCommand).toBe('apache2-foreground');
    expect(result.baseImages).toEqual(['composer:2', 'php:8.3-apache-bookworm']);
    expect(result.dockerfile).toContain('COPY composer.json composer.lock ./');
    expect(result.dockerfile).toContain('RUN docker-php-ext-install pdo_mysql\n');
    expect(result.dockerfile).toContain('APACHE_DOCUMENT_ROOT=/var/www/html/public');
    expect(result.dockerfile).toContain("'s!^Listen 80$!Listen ${PORT}!'");
    expect(result.dockerignore).toContain('vendor');
    expect(explained(result)).toContain('Found composer.json');
    expect(explained(result)).toContain('Also found package.json');
  });

  it('serves a plain index.php without Composer', async () => {
    const result = await generateFrom({ 'index.php': '<?php echo 1;' });
    expect(result.baseImages).toEqual(['php:8.3-apache-bookworm']);
    expect(result.dockerfile).toContain('COPY --chown=www-data:www-data . /var/www/html');
    expect(result.dockerfile).toContain('APACHE_DOCUMENT_ROOT=/var/www/html ');
    expect(explained(result)).toContain('Found index.php and no composer.json');
  });

  it('runs php-fpm when the repository brings an nginx FastCGI config', async () => {
    const result = await generateFrom({
      'composer.json': json({ require: { php: '>=8.4' } }),
      'public/index.php': '<?php',
      'docker/nginx.conf': 'location ~ \\.php$ { fastcgi_pass app:9000; }',
    });
    expect(result.stack).toBe('php-fpm');
    expect(result.port).toBe(9000);
    expect(result.baseImages).toEqual(['composer:2', 'php:8.4-fpm-bookworm']);
    expect(explained(result)).toContain('FastCGI');
  });
});

describe('Java', () => {
  it('packages a Spring Boot jar with Maven and runs it on a JRE', async () => {
    const result = await generateFrom({
      'pom.xml':
        '<project><parent><artifactId>spring-boot-starter-parent</artifactId></parent><properties><java.version>17</java.version></properties></project>',
      'src/main/java/App.java': 'class App {}',
    });
    expect(result.stack).toBe('java-spring-boot');
    expect(result.port).toBe(8080);
    expect(result.baseImages).toEqual(['maven:3.9-eclipse-temurin-17', 'eclipse-temurin:17-jre']);
    expect(result.dockerfile).toContain('RUN mvn -B -q package -DskipTests');
    expect(result.startCommand).toBe('java $JAVA_OPTS -Dserver.port=$PORT -jar /app/app.jar');
    expect(explained(result)).toContain('Found pom.xml');
    expect(explained(result)).toContain('Java 17');
  });
});

describe('Rust', () => {
  it('builds the declared binary with --locked onto debian-slim', async () => {
    const result = await generateFrom({
      'Cargo.toml':
        '[package]\nname = "web-api"\nversion = "0.1.0"\n\n[[bin]]\nname = "server"\npath = "src/main.rs"\n\n[dependencies]\naxum = "0.7"\n',
      'Cargo.lock': '',
      'src/main.rs': 'fn main() {}',
    });
    expect(result.stack).toBe('rust');
    expect(result.baseImages).toEqual(['rust:1-bookworm', 'debian:bookworm-slim']);
    expect(result.dockerfile).toContain(
      'RUN cargo build --release --locked --bin server && cp target/release/server /server',
    );
    expect(result.dockerfile).toContain('ca-certificates');
    expect(result.startCommand).toBe('server');
    expect(explained(result)).toContain('Found Cargo.toml');
    expect(explained(result)).toContain('Found Cargo.lock');
  });

  it('refuses a bare workspace', async () => {
    await expect(generateFrom({ 'Cargo.toml': '[workspace]\nmembers = ["a"]\n' })).rejects.toThrow(DomainError);
  });
});

describe('static HTML and errors', () => {
  it('serves a plain index.html with nginx', async () => {
    const result = await generateFrom({ 'index.html': '<h1>hi</h1>', 'style.css': 'h1{}' });
    expect(result.stack).toBe('static-html');
    expect(result.port).toBe(80);
    expect(result.baseImages).toEqual(['nginx:1.27-bookworm']);
    expect(result.dockerfile).toContain('COPY . /usr/share/nginx/html/');
    expect(result.dockerfile).toContain('try_files $uri $uri/ =404;');
    expect(explained(result)).toContain('Found index.html at the top level and no package.json');
  });

  it('throws an invalid DomainError with a hint when nothing is recognised', async () => {
    const error = await generateDockerfile(memoryRepoReader({ 'README.md': '# hi', 'docs/index.html': '' })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'invalid', message: 'No supported stack found in the repository.' });
    expect((error as DomainError).hint).toContain('Dockerfile');
  });

  it('rejects an invalid port and malformed package.json', async () => {
    await expect(generateFrom({ 'index.html': '' }, { port: 70000 })).rejects.toMatchObject({ kind: 'invalid' });
    await expect(generateFrom({ 'package.json': '{ nope' })).rejects.toThrow('package.json is not valid JSON.');
  });

  it('notes an existing Dockerfile', async () => {
    const result = await generateFrom({ 'index.html': '', Dockerfile: 'FROM scratch\n' });
    expect(explained(result)).toContain('already has a Dockerfile');
  });

  it('lists only catalog images, each a pinned official name', () => {
    expect(new Set(baseImageCatalog).size).toBe(baseImageCatalog.length);
    for (const image of baseImageCatalog) expect(image).toMatch(/^[a-z0-9./-]+:[\w.-]+$/);
  });
});
