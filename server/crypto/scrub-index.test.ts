import { expect, it } from 'vitest';
import { REDACTED, scrubDeep, scrubText, secretList } from './scrub.ts';

/** With many secrets the scrubber finds them through an index; it must mask exactly what one search per secret does. */
const reference = (text: string, secrets: readonly string[]) =>
  secrets.reduce((out, s) => (out.includes(s) ? out.split(s).join(REDACTED) : out), text);

const secrets = secretList([
  ...Array.from({ length: 60 }, (_, i) => `tok-${i}-${(i * 7919).toString(36)}xyz`),
  'shared-prefix-long-secret-value',
  'shared-prefix-long', // a prefix of the one above: the longer is masked whole
  'inner-secret', // inside another secret below
  'outer-inner-secret-wrapper',
  '  spaced secret  ',
]);

it('masks every secret in any position, exactly as searching for each one would', () => {
  const texts = [
    `${secrets[0]}`,
    `start ${secrets[5]} middle ${secrets[5]}${secrets[6]} end ${secrets[secrets.length - 1]}`,
    'x shared-prefix-long-secret-value y shared-prefix-long z',
    'a outer-inner-secret-wrapper b inner-secret c',
    'pad   spaced secret  pad',
    'nothing secret here, just tok-1- and shared-pre',
    'short',
    '',
  ];
  for (const text of texts) expect(scrubText(text, secrets)).toBe(reference(text, secrets));
  expect(scrubText('x shared-prefix-long-secret-value', secrets)).toBe(`x ${REDACTED}`);
  expect(scrubText('a outer-inner-secret-wrapper b inner-secret', secrets)).toBe(`a ${REDACTED} b ${REDACTED}`);
  expect(scrubText('nothing secret here', secrets)).toBe('nothing secret here');
});

it('masks secrets at every depth of a tool result', () => {
  const data = { apps: [{ name: 'web', note: `key ${secrets[10]}`, tags: [`${secrets[20]}!`] }], n: 1 };
  expect(scrubDeep(data, secrets)).toEqual({
    apps: [{ name: 'web', note: `key ${REDACTED}`, tags: [`${REDACTED}!`] }],
    n: 1,
  });
});
