/**
 * Every official image the generator can name in a FROM line. scripts/build-base-images.sh
 * builds local stand-ins for the default node, python, nginx and debian tags.
 */
export const nodeMajors = ['22', '24', '20', '18'] as const;
export const pythonVersions = ['3.12', '3.13', '3.11', '3.10'] as const;
export const goVersions = ['1.24', '1.25'] as const;
export const rubyVersions = ['3.3', '3.4', '3.2'] as const;
export const phpVersions = ['8.3', '8.4', '8.2'] as const;
export const javaVersions = ['21', '25', '17'] as const;

export const images = {
  node: (major: string) => `node:${major}-bookworm-slim`,
  bun: 'oven/bun:1',
  bunSlim: 'oven/bun:1-slim',
  python: (version: string) => `python:${version}-slim-bookworm`,
  nginx: 'nginx:1.27-bookworm',
  debian: 'debian:bookworm-slim',
  golang: (version: string) => `golang:${version}-bookworm`,
  ruby: (version: string) => `ruby:${version}-slim-bookworm`,
  phpApache: (version: string) => `php:${version}-apache-bookworm`,
  phpFpm: (version: string) => `php:${version}-fpm-bookworm`,
  composer: 'composer:2',
  maven: (java: string) => `maven:3.9-eclipse-temurin-${java}`,
  jre: (java: string) => `eclipse-temurin:${java}-jre`,
  rust: 'rust:1-bookworm',
} as const;

export const baseImageCatalog: readonly string[] = [
  ...nodeMajors.map(images.node),
  images.bun,
  images.bunSlim,
  ...pythonVersions.map(images.python),
  images.nginx,
  images.debian,
  ...goVersions.map(images.golang),
  ...rubyVersions.map(images.ruby),
  ...phpVersions.flatMap((v) => [images.phpApache(v), images.phpFpm(v)]),
  images.composer,
  ...javaVersions.flatMap((v) => [images.maven(v), images.jre(v)]),
  images.rust,
];
