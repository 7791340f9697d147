/**
 * A tiny YAML writer for configuration made of maps, lists, strings, numbers and booleans. Output
 * is deterministic (insertion order), so a generated file can be compared byte for byte.
 */
export type YamlValue = string | number | boolean | YamlValue[] | { [key: string]: YamlValue };

const PLAIN = /^[A-Za-z_][A-Za-z0-9_.\-/]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  // JSON's double-quoted form is valid YAML for any string.
  return PLAIN.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
}

function lines(value: YamlValue, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (typeof item !== 'object') return [`${indent}- ${scalar(item)}`];
      const [first, ...rest] = lines(item, `${indent}  `);
      return [`${indent}- ${first!.trimStart()}`, ...rest];
    });
  }
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => {
      if (typeof v !== 'object') return [`${indent}${scalar(key)}: ${scalar(v)}`];
      if (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0)
        return [`${indent}${scalar(key)}: ${Array.isArray(v) ? '[]' : '{}'}`];
      return [`${indent}${scalar(key)}:`, ...lines(v, `${indent}  `)];
    });
  }
  return [`${indent}${scalar(value)}`];
}

export function toYaml(value: YamlValue): string {
  return `${lines(value, '').join('\n')}\n`;
}
