import { Command, Option } from 'commander';
import { loadEnv, EnvError, type Env } from './env.ts';
import { startPanel } from './main.ts';
import { createContext, closeContext, type AppContext } from './context.ts';
import { countUsers, createFirstOwner, createUser, findUserByEmail } from './services/users.ts';
import { createApiToken } from './services/api-tokens.ts';
import { SCOPES, type Scope } from './auth/permissions.ts';
import { DomainError } from './errors.ts';
import type { Caller } from './audit.ts';

const cliCaller: Caller = { actor: { type: 'system', label: 'cli', scopes: [...SCOPES] } };

function env(): Env {
  return loadEnv();
}

async function withContext<T>(run: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await createContext({ ...env(), OPENPANEL_LOG_LEVEL: 'warn' });
  try {
    await ctx.database.migrate();
    return await run(ctx);
  } finally {
    await closeContext(ctx);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const program = new Command('openpanel')
  .description('OpenPanel: a self-hosted deployment panel for Docker')
  .showHelpAfterError();

program
  .command('start')
  .description('Run the panel (migrates the database first)')
  .action(async () => {
    const panel = await startPanel(env());
    const stop = async (signal: string) => {
      panel.ctx.logger.info(`${signal}: shutting down`);
      await panel.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });

program
  .command('migrate')
  .description('Apply database migrations and exit')
  .action(async () => {
    await withContext(async (ctx) => {
      console.log(`Migrations applied (${ctx.database.driver} at ${ctx.database.location}).`);
    });
  });

const admin = program.command('admin').description('Manage panel users');
admin
  .command('create')
  .description('Create the first owner (or, once one exists, another user)')
  .requiredOption('--email <email>', 'e-mail address to sign in with')
  .option('--name <name>', 'display name', '')
  .option('--password <password>', 'password (prefer --password-stdin: command lines end up in shell history)')
  .option('--password-stdin', 'read the password from standard input')
  .addOption(
    new Option('--role <role>', 'role when an owner already exists')
      .choices(['owner', 'admin', 'operator', 'viewer'])
      .default('admin'),
  )
  .action(
    async (opts: {
      email: string;
      name: string;
      password?: string;
      passwordStdin?: boolean;
      role: 'owner' | 'admin' | 'operator' | 'viewer';
    }) => {
      const password = opts.passwordStdin ? await readStdin() : opts.password;
      if (!password)
        throw new DomainError('invalid', 'No password given.', 'Pass --password-stdin and pipe it in, or --password.');
      await withContext(async (ctx) => {
        const first = (await countUsers(ctx.db)) === 0;
        const user = first
          ? await createFirstOwner(ctx.db, cliCaller, { email: opts.email, name: opts.name, password })
          : await createUser(ctx.db, cliCaller, { email: opts.email, name: opts.name, password, role: opts.role });
        console.log(`Created ${user.role} ${user.email} (${user.id}).`);
      });
    },
  );

const token = program.command('token').description('Manage API tokens');
token
  .command('create')
  .description('Create an API token for a user and print it once')
  .requiredOption('--email <email>', 'the user the token acts for')
  .requiredOption('--name <name>', 'what the token is for, e.g. "Cursor"')
  .addOption(
    new Option('--kind <kind>', 'human, or agent for an AI assistant (never approves)')
      .choices(['human', 'agent'])
      .default('human'),
  )
  .option('--scopes <list>', `comma-separated: ${SCOPES.join(', ')}`, 'read')
  .option('--expires-in-days <n>', 'expiry in days', (v) => Number.parseInt(v, 10))
  .option(
    '--allow-client-approval',
    "MCP: let the client ask the person to approve this agent's writes (default: approve in the panel only)",
  )
  .action(
    async (opts: {
      email: string;
      name: string;
      kind: 'human' | 'agent';
      scopes: string;
      expiresInDays?: number;
      allowClientApproval?: boolean;
    }) => {
      const scopes = opts.scopes
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
      if (unknown.length)
        throw new DomainError('invalid', `Unknown scopes: ${unknown.join(', ')}.`, `Use ${SCOPES.join(', ')}.`);
      await withContext(async (ctx) => {
        const owner = await findUserByEmail(ctx.db, opts.email);
        if (!owner)
          throw new DomainError(
            'not_found',
            `No user with the e-mail ${opts.email}.`,
            'Create one with `openpanel admin create`.',
          );
        const created = await createApiToken(ctx.db, cliCaller, owner, {
          name: opts.name,
          kind: opts.kind,
          scopes: scopes as Scope[],
          expiresInDays: opts.expiresInDays,
          requirePanelApproval: !opts.allowClientApproval,
        });
        console.error(
          `Token "${opts.name}" (${opts.kind}; ${scopes.join(', ')}) for ${owner.email}. It is shown only now:`,
        );
        console.log(created.token);
      });
    },
  );

program
  .command('mcp')
  .description('Serve MCP on stdin/stdout for an IDE assistant (needs OPENPANEL_TOKEN, an agent token)')
  .action(async () => {
    // Stdout carries protocol messages only: anything a library prints goes to stderr instead.
    console.log = console.info = console.debug = console.warn = console.error;
    const { serveStdio } = await import('../mcp/stdio.ts');
    await serveStdio(env());
    process.exit(0);
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof EnvError) console.error(err.message);
  else if (err instanceof DomainError) console.error(`error: ${err.message}${err.hint ? ` ${err.hint}` : ''}`);
  else console.error(err);
  process.exit(1);
}
