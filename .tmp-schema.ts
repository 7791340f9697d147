import { createTestPanel, setupOwner } from './server/test/harness.ts';
import { readChunks, userMessage } from './server/chat/test-helpers.ts';
import { startFake, sse, gemini, groq } from './server/providers/fake-servers.ts';
import { checkProviderSchema, formatProblems } from './tools/provider-schema.ts';
const panel = await createTestPanel();
const owner = await setupOwner(panel);
const g = await startFake((_q, res) => sse(res, gemini.text('ok')));
const q = await startFake((_q, res) => sse(res, groq.text('ok'), { done: true }));
for (const [k, v, s] of [['providers.order', 'gemini', false], ['providers.gemini.api_key', 'k', true], ['providers.gemini.base_url', `${g.url}/v1beta`, false], ['providers.groq.api_key', 'k', true], ['providers.groq.base_url', `${q.url}/openai/v1`, false]] as const) await owner.put(`/api/settings/${k}`, { value: v, secret: s });
await readChunks(await owner.post('/api/chat', { messages: [userMessage('hi')] }));
let bad = 0;
for (const f of g.requests[0]!.body.tools[0].functionDeclarations) { const p = checkProviderSchema(f.parameters ?? { type: 'object', properties: {} }); if (p.length) { bad++; console.log('gemini', f.name, formatProblems(p)); } }
console.log('gemini declarations:', g.requests[0]!.body.tools[0].functionDeclarations.length, 'with problems:', bad);
console.log(JSON.stringify(g.requests[0]!.body.tools[0].functionDeclarations.find((f: any) => f.name === 'set_env_vars')).slice(0, 700));
await owner.put('/api/settings/providers.order', { value: 'groq', secret: false });
await readChunks(await owner.post('/api/chat', { messages: [userMessage('hi')] }));
console.log(JSON.stringify(q.requests[0]!.body.tools.find((t: any) => t.function.name === 'update_app')).slice(0, 500));
await g.close(); await q.close(); await panel.close();
