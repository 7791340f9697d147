import { images, javaVersions } from '../base-images.ts';
import { dockerignore, header, joinLines, shellCmd } from '../dockerfile-text.ts';
import type { RepoFacts } from '../repo-facts.ts';
import type { GenerateOptions, StackDraft } from '../types.ts';

const defaultPort = 8080;

export async function detectJava(repo: RepoFacts, options: GenerateOptions): Promise<StackDraft | null> {
  const pom = await repo.read('pom.xml');
  if (pom === null) return null;
  const explanation = ['Found pom.xml, so this is a Java app built with Maven into a jar.'];
  const java = javaVersion(pom, explanation);
  const spring = /<artifactId>spring-boot/.test(pom);
  if (spring) explanation.push('Found Spring Boot, so the port is passed as -Dserver.port=$PORT.');
  if (/<modules>/.test(pom)) {
    explanation.push(
      'pom.xml lists modules; the first runnable jar in target/ of the root is used. Adjust the copy step for a module.',
    );
  }
  const port = options.port ?? defaultPort;
  explanation.push(
    `The JRE image runs the jar as the unprivileged app user; the app must listen on 0.0.0.0:$PORT (PORT=${port}).`,
  );
  const command = `java $JAVA_OPTS${spring ? ' -Dserver.port=$PORT' : ''} -jar /app/app.jar`;

  const dockerfile = joinLines(
    header(spring ? 'Spring Boot' : 'Java'),
    `FROM ${images.maven(java)} AS build`,
    'WORKDIR /src',
    'COPY pom.xml ./',
    // Warms the dependency cache; the package step below reports any real resolution error.
    'RUN mvn -B -q dependency:go-offline || true',
    'COPY . .',
    // The jar name comes from the pom; an empty match must fail the build here, not at COPY.
    'RUN mvn -B -q package -DskipTests \\',
    " && jar=$(find target -maxdepth 1 -name '*.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' ! -name 'original-*' | head -n 1) \\",
    ' && test -n "$jar" && cp "$jar" /app.jar',
    '',
    `FROM ${images.jre(java)}`,
    'RUN useradd --create-home --uid 10001 app',
    'WORKDIR /app',
    'COPY --from=build /app.jar /app/app.jar',
    'USER app',
    `ENV PORT=${port} JAVA_OPTS="-XX:MaxRAMPercentage=75"`,
    `EXPOSE ${port}`,
    shellCmd(command),
  );
  return {
    stack: spring ? 'java-spring-boot' : 'java-maven',
    dockerfile,
    dockerignore: dockerignore(['target', '.mvn/wrapper/maven-wrapper.jar', '*.iml']),
    port,
    startCommand: command,
    explanation,
  };
}

function javaVersion(pom: string, explanation: string[]): string {
  const declared =
    /<java\.version>\s*(?:1\.)?(\d+)\s*</.exec(pom)?.[1] ??
    /<maven\.compiler\.release>\s*(\d+)\s*</.exec(pom)?.[1] ??
    /<maven\.compiler\.(?:source|target)>\s*(?:1\.)?(\d+)\s*</.exec(pom)?.[1] ??
    /<release>\s*(\d+)\s*<\/release>/.exec(pom)?.[1];
  const fallback = javaVersions[0];
  if (!declared) return fallback;
  // The lowest LTS at or above the requested release compiles and runs it.
  const choice =
    [...javaVersions].sort((a, b) => Number(a) - Number(b)).find((v) => Number(v) >= Number(declared)) ??
    javaVersions.at(-1) ??
    fallback;
  explanation.push(`pom.xml targets Java ${declared}, so the images use Java ${choice}.`);
  return choice;
}
