import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { createEmbedder } from './embedder.ts';
import { hashEmbed, localEmbedder } from './local-embedder.ts';
import { geminiEmbedder } from './gemini-embedder.ts';
import { ollamaEmbedder } from './ollama-embedder.ts';
import { cosineSimilarity, fitDimensions, vectorNorm } from './vectors.ts';

describe('the local embedder', () => {
  const embedder = localEmbedder();

  it('is deterministic, 768-dimensional and unit length', async () => {
    const texts = ['Deploy the api from github.com/acme/api', '', 'the of and'];
    const [a, b] = [await embedder.embed(texts), await localEmbedder().embed(texts)];
    expect(a).toEqual(b);
    for (const v of a) {
      expect(v).toHaveLength(768);
      expect(vectorNorm(v)).toBeCloseTo(1, 10);
    }
  });

  it('puts related texts closer than unrelated ones', async () => {
    const [failure, failureReworded, readme, unrelated] = await embedder.embed([
      'The deployment failed: the health check on /healthz timed out after 60 seconds',
      'deploy failing because health checks time out',
      'This service exposes a REST API for invoices backed by PostgreSQL',
      'Chocolate cake recipe with butter, sugar and eggs',
    ]);
    const sim = (x: number[], y: number[]) => cosineSimilarity(x, y);
    expect(sim(failure!, failureReworded!)).toBeGreaterThan(sim(failure!, readme!));
    expect(sim(failure!, failureReworded!)).toBeGreaterThan(sim(failure!, unrelated!));
    expect(sim(failure!, failureReworded!)).toBeGreaterThan(0.3);
    expect(Math.abs(sim(failure!, unrelated!))).toBeLessThan(0.15);
    // Word forms share character trigrams: "migrations" is near "migrate".
    expect(sim(hashEmbed('run database migrations'), hashEmbed('migrate the database'))).toBeGreaterThan(
      sim(hashEmbed('run database migrations'), hashEmbed('serve static files')),
    );
  });
});

describe('fitDimensions', () => {
  it('truncates or zero-pads to 768 and renormalizes', () => {
    const long = fitDimensions(Array.from({ length: 1024 }, (_, i) => (i % 7) - 3));
    const short = fitDimensions([3, 4]);
    expect(long).toHaveLength(768);
    expect(vectorNorm(long)).toBeCloseTo(1, 10);
    expect(short.slice(0, 3)).toEqual([0.6, 0.8, 0]);
    expect(short).toHaveLength(768);
    expect(() => fitDimensions([0, 0])).toThrow(/empty or invalid vector/);
  });
});

/** A local HTTP server standing in for a provider; records each request. */
async function fakeServer(
  handle: (path: string, body: any, headers: http.IncomingHttpHeaders) => { status: number; body: unknown },
) {
  const requests: { path: string; body: any; headers: http.IncomingHttpHeaders }[] = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      const body = data ? JSON.parse(data) : undefined;
      requests.push({ path: req.url ?? '', body, headers: req.headers });
      const out = handle(req.url ?? '', body, req.headers);
      res.writeHead(out.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(out.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The DomainError a promise rejects with; fails the test if it resolves. */
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as DomainError,
  );

/** A recognizable, unnormalized vector per text, so order and renormalization can be checked. */
const rawVector = (text: string, size: number) => Array.from({ length: size }, (_, i) => (i === 0 ? text.length : 1));

describe('the Gemini embedder (AI SDK provider, Gemini wire format)', () => {
  let server: Awaited<ReturnType<typeof fakeServer>>;
  beforeAll(async () => {
    server = await fakeServer((path, body, headers) => {
      if (headers['x-goog-api-key'] !== 'test-key')
        return {
          status: 400,
          body: {
            error: {
              code: 400,
              message: 'API key not valid. Please pass a valid API key.',
              status: 'INVALID_ARGUMENT',
            },
          },
        };
      if (path.endsWith(':batchEmbedContents'))
        return {
          status: 200,
          body: {
            embeddings: body.requests.map((r: any) => ({
              values: rawVector(r.content.parts[0].text, r.outputDimensionality),
            })),
          },
        };
      if (path.endsWith(':embedContent'))
        return {
          status: 200,
          body: { embedding: { values: rawVector(body.content.parts[0].text, body.outputDimensionality) } },
        };
      return { status: 404, body: { error: { code: 404, message: `no route ${path}` } } };
    });
  });
  afterAll(() => server.close());

  it('asks batchEmbedContents for 768 dimensions with the task type, and returns unit vectors in order', async () => {
    const embedder = geminiEmbedder({
      apiKey: 'test-key',
      baseURL: `${server.url}/v1beta`,
      model: 'gemini-embedding-001',
    });
    expect(embedder.name).toBe('gemini:gemini-embedding-001');
    const vectors = await embedder.embed(['a', 'abcd', 'ab']);
    const batch = server.requests.at(-1)!;
    expect(batch.path).toBe('/v1beta/models/gemini-embedding-001:batchEmbedContents');
    expect(batch.body.requests).toHaveLength(3);
    expect(batch.body.requests[0]).toMatchObject({
      model: 'models/gemini-embedding-001',
      outputDimensionality: 768,
      taskType: 'RETRIEVAL_DOCUMENT',
    });
    expect(vectors.map((v) => v.length)).toEqual([768, 768, 768]);
    for (const v of vectors) expect(vectorNorm(v)).toBeCloseTo(1, 10);
    // First component encodes the text length: order is kept.
    expect(vectors[1]![0]! > vectors[2]![0]! && vectors[2]![0]! > vectors[0]![0]!).toBe(true);

    await embedder.embed(['how do I deploy'], { purpose: 'query' });
    const single = server.requests.at(-1)!;
    expect(single.path).toBe('/v1beta/models/gemini-embedding-001:embedContent');
    expect(single.body).toMatchObject({ outputDimensionality: 768, taskType: 'RETRIEVAL_QUERY' });
  });

  it('reports a rejected key as a clear, non-retryable error', async () => {
    const embedder = geminiEmbedder({
      apiKey: 'wrong-key',
      baseURL: `${server.url}/v1beta`,
      model: 'gemini-embedding-001',
      maxRetries: 0,
    });
    const err = await failure(embedder.embed(['x', 'y']));
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).kind).toBe('invalid');
    expect((err as DomainError).message).toMatch(
      /Gemini embeddings with gemini-embedding-001 failed \(HTTP 400\): API key not valid/,
    );
    expect((err as DomainError).hint).toMatch(/GOOGLE_GENERATIVE_AI_API_KEY/);
  });
});

describe('the Ollama embedder (/api/embed)', () => {
  let server: Awaited<ReturnType<typeof fakeServer>>;
  beforeAll(async () => {
    server = await fakeServer((path, body) => {
      if (path !== '/api/embed') return { status: 404, body: { error: 'not found' } };
      if (body.model === 'missing-model')
        return { status: 404, body: { error: `model "missing-model" not found, try pulling it first` } };
      // mxbai-embed-large answers 1024 dimensions; nomic-embed-text 768.
      const size = body.model === 'mxbai-embed-large' ? 1024 : 768;
      return {
        status: 200,
        body: { model: body.model, embeddings: body.input.map((t: string) => rawVector(t, size)) },
      };
    });
  });
  afterAll(() => server.close());

  it('sends the texts as one batch with nomic task prefixes, and gets 768-dim unit vectors', async () => {
    const embedder = ollamaEmbedder({ host: server.url.replace('http://', ''), model: 'nomic-embed-text' });
    expect(embedder.name).toBe('ollama:nomic-embed-text');
    const vectors = await embedder.embed(['first text', 'second'], { purpose: 'document' });
    expect(server.requests.at(-1)!.body).toEqual({
      model: 'nomic-embed-text',
      input: ['search_document: first text', 'search_document: second'],
      truncate: true,
    });
    await embedder.embed(['a question'], { purpose: 'query' });
    expect(server.requests.at(-1)!.body.input).toEqual(['search_query: a question']);
    expect(vectors.map((v) => v.length)).toEqual([768, 768]);
    for (const v of vectors) expect(vectorNorm(v)).toBeCloseTo(1, 10);
  });

  it('truncates another size to 768 and renormalizes', async () => {
    const vectors = await ollamaEmbedder({ host: server.url, model: 'mxbai-embed-large' }).embed(['plain text']);
    expect(server.requests.at(-1)!.body.input).toEqual(['plain text']);
    expect(vectors[0]).toHaveLength(768);
    expect(vectorNorm(vectors[0]!)).toBeCloseTo(1, 10);
  });

  it('says to pull a missing model, and says when Ollama is not running', async () => {
    const missing = await failure(ollamaEmbedder({ host: server.url, model: 'missing-model' }).embed(['x']));
    expect(missing).toBeInstanceOf(DomainError);
    expect(missing.message).toBe(
      'Ollama could not embed with missing-model (HTTP 404): model "missing-model" not found, try pulling it first',
    );
    expect(missing.hint).toBe('Pull the model first: ollama pull missing-model');

    const closed = await fakeServer(() => ({ status: 200, body: {} }));
    await closed.close();
    const down = await failure(ollamaEmbedder({ host: closed.url, model: 'nomic-embed-text' }).embed(['x']));
    expect(down.kind).toBe('unavailable');
    expect(down.message).toMatch(/^Ollama is not reachable at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)\.$/);
  });
});

describe('createEmbedder', () => {
  it('defaults to local and refuses gemini without a key', () => {
    expect(createEmbedder({ OPENPANEL_EMBEDDER: 'local' }).name).toBe('local-hash-v1');
    expect(createEmbedder({ OPENPANEL_EMBEDDER: 'ollama' }).name).toBe('ollama:nomic-embed-text');
    expect(
      createEmbedder({
        OPENPANEL_EMBEDDER: 'gemini',
        GOOGLE_GENERATIVE_AI_API_KEY: 'k',
        OPENPANEL_EMBED_MODEL: 'gemini-embedding-2',
      }).name,
    ).toBe('gemini:gemini-embedding-2');
    expect(() => createEmbedder({ OPENPANEL_EMBEDDER: 'gemini' })).toThrow(/GOOGLE_GENERATIVE_AI_API_KEY is not set/);
  });
});
