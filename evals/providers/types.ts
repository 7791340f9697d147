import type { Caller } from '../../server/audit.ts';
import type { TestPanel } from '../../server/test/harness.ts';
import type { Transcript } from '../grade.ts';
import type { Scenario, ScriptStep } from '../schema.ts';

/** One run of one scenario, after seeding; placeholders are already filled in. */
interface RunInput {
  panel: TestPanel;
  caller: Caller;
  scenario: Scenario;
  turns: string[];
  script?: ScriptStep[];
  /** Called after each user turn (approves pending actions when the scenario asks for it). */
  afterTurn: () => Promise<void>;
}

export interface Provider {
  name: string;
  /** Which scenarios this provider is expected to handle. */
  handles(scenario: Scenario): boolean;
  /** The person chatting, created after each reset. */
  owner(panel: TestPanel): Promise<Caller>;
  run(input: RunInput): Promise<Transcript>;
}
