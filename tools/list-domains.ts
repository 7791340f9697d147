import { z } from 'zod';
import { defineTool } from './define.ts';
import { listDomains as listAppDomains } from '../server/services/domains.ts';
import { appRef, plural } from './lib/refs.ts';
import { domainView } from './lib/views.ts';
import { DnsCheck, Domain, ProxyInfo } from './lib/schemas.ts';

export const listDomains = defineTool({
  name: 'list_domains',
  description:
    'List the domains (host names and path prefixes) routed to an app, with their ids, HTTPS and certificate settings, and a DNS check that warns when a name does not point at this server. Also says which proxy applies them, or that none is configured. Use it before remove_domain, or to answer "where is my app reachable?".',
  input: z.object({ app: appRef }),
  risk: 'read',
  // The DNS check asks outside resolvers where each name points.
  hints: { idempotent: true, destructive: false, openWorld: true },
  output: z.object({
    app: z.string(),
    domains: z.array(Domain.extend({ dns: DnsCheck })),
    proxy: ProxyInfo,
  }),
  target: (input) => ({ type: 'app', ref: input.app }),
  summarize: (input) => `List domains of "${input.app}"`,
  async execute(input, ctx) {
    const listed = await listAppDomains(ctx, input.app);
    const { app, proxy } = listed;
    const domains = listed.domains.map((d) => ({ ...domainView(d), dns: d.dns }));
    const proxyLine = proxy.note ?? `Proxy: ${proxy.kind}.`;
    if (!domains.length)
      return {
        text: `${app.name} has no domains. Add one with add_domain. ${proxyLine}`,
        data: { app: app.name, domains, proxy },
      };
    const lines = domains.map((d) => {
      const port = d.targetPort ? ` → port ${d.targetPort}` : '';
      const tls = d.https
        ? `certificate ${d.certificate}${d.redirectHttp ? ', HTTP redirects to HTTPS' : ''}`
        : 'plain HTTP';
      return `- ${d.url}${port} (id ${d.id}; ${tls})${d.dns.warning ? `\n  DNS warning: ${d.dns.warning}` : ''}`;
    });
    return {
      text: `${app.name} has ${plural(domains.length, 'domain')}:\n${lines.join('\n')}\n${proxyLine}`,
      data: { app: app.name, domains, proxy },
    };
  },
});
