import type { LanguageModelV4 } from '@ai-sdk/provider';
import { createGoogle } from '@ai-sdk/google';
import { createGroq } from '@ai-sdk/groq';
import { createOllama } from 'ai-sdk-ollama';
import type { ResolvedProvider } from './config.ts';

/**
 * The one place that turns a resolved provider into AI SDK models. Everything past this point
 * sees a LanguageModelV4 and does not know which cloud (or none) is behind it.
 */
export function createChatModel(p: ResolvedProvider): LanguageModelV4 {
  const model = p.models.chat;
  if (!model) throw new Error(`${p.name} has no chat model configured`);
  switch (p.name) {
    case 'gemini':
      return createGoogle({ apiKey: p.apiKey ?? '', baseURL: p.baseUrl }).chat(model);
    case 'groq':
      return createGroq({ apiKey: p.apiKey ?? '', baseURL: p.baseUrl }).languageModel(model);
    case 'ollama':
      return createOllama({ baseURL: p.baseUrl, ...(p.apiKey ? { apiKey: p.apiKey } : {}) }).chat(model);
  }
}
