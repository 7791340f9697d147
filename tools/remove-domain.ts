import { z } from 'zod';
import { defineTool } from './define.ts';
import { removeDomain as removeAppDomain } from '../server/services/domains.ts';
import { describeOutcome } from '../server/proxy/apply.ts';
import { appRef } from './lib/refs.ts';
import { domainView } from './lib/views.ts';
import { Domain, ProxyOutcome } from './lib/schemas.ts';

/**
 * Destructive, not write: the site stops answering on that name at once, for every visitor, and
 * getting it back needs a new approval (and, for public names, a new certificate).
 */
export const removeDomain = defineTool({
  name: 'remove_domain',
  description:
    'Stop routing a domain to an app: the proxy drops the route at once, so the site is offline on that name (the app keeps running and its other domains still work). Identify the domain by the id from list_domains, or by host name (plus pathPrefix when the host has several paths). Requires human approval; returns a pending action until a person approves it.',
  input: z.object({
    app: appRef,
    domain: z.string().min(1).max(300).describe('Domain id (from list_domains) or host name, e.g. "app.example.com"'),
    pathPrefix: z
      .string()
      .max(200)
      .optional()
      .describe('With a host name: which path prefix to remove, e.g. "/api"; default "/" or the only one'),
  }),
  risk: 'destructive',
  hints: { idempotent: true, destructive: true, openWorld: false },
  output: z.object({ domain: Domain.describe('The domain as it was'), proxy: ProxyOutcome }),
  target: (input) => ({ type: 'app', ref: input.app }),
  summarize: (input) =>
    `Remove domain ${input.domain}${input.pathPrefix && input.pathPrefix !== '/' ? input.pathPrefix : ''} from app "${input.app}" (it goes offline there)`,
  async execute(input, ctx) {
    const { domain, proxy } = await removeAppDomain(ctx, ctx.caller, input.app, input.domain, input.pathPrefix);
    return {
      text: `Removed ${domain.url} from ${input.app}. ${describeOutcome(proxy)}`,
      data: { domain: domainView(domain), proxy },
    };
  },
});
