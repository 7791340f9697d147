import { z } from 'zod';
import { defineTool } from './define.ts';
import { AddDomainInput, addDomain as addAppDomain } from '../server/services/domains.ts';
import { describeOutcome } from '../server/proxy/apply.ts';
import { appRef } from './lib/refs.ts';
import { domainView } from './lib/views.ts';
import { DnsCheck, Domain, ProxyOutcome } from './lib/schemas.ts';

export const addDomain = defineTool({
  name: 'add_domain',
  description:
    "Put an app on a domain: the reverse proxy (Caddy or Traefik) routes the host name, optionally only a path prefix, to the app's live container, with HTTPS and a redirect from HTTP by default. Certificates are automatic: ACME (Let's Encrypt) for public names, a local CA for localhost/.test/.local/.internal names. Routes follow the app across deployments and rollbacks. The result includes a DNS warning when the name does not point at this server; pass that on to the user (it is not an error). Requires human approval; returns a pending action until a person approves it.",
  input: z.object({ app: appRef, ...AddDomainInput.shape }),
  risk: 'write',
  // A repeated host and path is refused; the name is checked in public DNS and gets an ACME certificate.
  hints: { idempotent: true, destructive: false, openWorld: true },
  output: z.object({ domain: Domain, dns: DnsCheck, proxy: ProxyOutcome }),
  target: (input) => ({ type: 'app', ref: input.app }),
  summarize: (input) =>
    `Route ${input.host.trim().toLowerCase()}${input.pathPrefix && input.pathPrefix !== '/' ? input.pathPrefix : ''} to app "${input.app}"${input.https === false ? ' over plain HTTP' : ''}`,
  async execute(input, ctx) {
    const { app, ...fields } = input;
    const { domain, dns, proxy } = await addAppDomain(ctx, ctx.caller, app, fields);
    const lines = [
      `Added ${domain.url} to ${app} (id ${domain.id}; certificate: ${domain.certificate}).`,
      describeOutcome(proxy),
      dns.warning
        ? `DNS warning: ${dns.warning}`
        : dns.status === 'ok'
          ? `DNS: ${domain.host} points at this server.`
          : null,
    ];
    return { text: lines.filter(Boolean).join('\n'), data: { domain: domainView(domain), dns, proxy } };
  },
});
