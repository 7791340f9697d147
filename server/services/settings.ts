import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { settings } from '../db/schema/settings.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { audited, type Caller } from '../audit.ts';
import { DomainError } from '../errors.ts';
import { bumpVersion } from './versions.ts';

export interface SettingView {
  key: string;
  secret: boolean;
  /** Null for secret settings: their values never leave the server through this view. */
  value: string | null;
  isSet: boolean;
  updatedAt: Date;
}

const secretContext = (key: string) => `settings:${key}`;

export async function listSettings(db: Database): Promise<SettingView[]> {
  const rows = await db.select().from(settings).orderBy(asc(settings.key));
  return rows.map((r) => ({
    key: r.key,
    secret: r.secret,
    value: r.secret ? null : r.value,
    isSet: r.secret ? r.encryptedValue !== null : r.value !== null,
    updatedAt: r.updatedAt,
  }));
}

export async function putSetting(
  db: Database,
  box: SecretBox,
  caller: Caller,
  key: string,
  input: { value: string; secret: boolean },
): Promise<SettingView> {
  const [existing] = await db.select({ secret: settings.secret }).from(settings).where(eq(settings.key, key));
  if (existing?.secret && !input.secret) {
    // Otherwise a secret could be overwritten into a readable setting and its replacement read back.
    throw new DomainError(
      'invalid',
      `${key} is a secret setting and stays secret.`,
      'Send "secret": true, or delete it first.',
    );
  }
  const row = input.secret
    ? {
        key,
        secret: true,
        value: null,
        encryptedValue: box.encrypt(input.value, secretContext(key)),
        updatedAt: new Date(),
      }
    : { key, secret: false, value: input.value, encryptedValue: null, updatedAt: new Date() };
  await audited(
    db,
    caller,
    { action: 'setting.put', target: { type: 'setting', id: key }, input: input.secret ? { secret: true } : input },
    async () => {
      await db.transaction(async (tx) => {
        await tx.insert(settings).values(row).onConflictDoUpdate({ target: settings.key, set: row });
        // Secret settings are scrubbed from every output (a secret never turns plain: refused above).
        if (row.secret) await bumpVersion(tx, 'secrets');
      });
    },
  );
  return { key, secret: input.secret, value: input.secret ? null : input.value, isSet: true, updatedAt: row.updatedAt };
}

export async function deleteSetting(db: Database, caller: Caller, key: string): Promise<void> {
  const [existing] = await db
    .select({ key: settings.key, secret: settings.secret })
    .from(settings)
    .where(eq(settings.key, key));
  if (!existing) throw new DomainError('not_found', `No setting named ${key}.`);
  await audited(db, caller, { action: 'setting.delete', target: { type: 'setting', id: key } }, async () => {
    await db.transaction(async (tx) => {
      await tx.delete(settings).where(eq(settings.key, key));
      if (existing.secret) await bumpVersion(tx, 'secrets');
    });
  });
}

/** For the server's own use (a provider's API key, say); never for a response. */
export async function readSetting(db: Database, box: SecretBox, key: string): Promise<string | null> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  if (!row) return null;
  if (!row.secret) return row.value;
  return row.encryptedValue ? box.decrypt(row.encryptedValue, secretContext(key)) : null;
}
