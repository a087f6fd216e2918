/**
 * Strings of the form script, ribbon commands and admin console, in the languages the solution
 * ships (1033 English, 1036 French). The user's language is picked at run time; English otherwise.
 */
export type Lang = 'en' | 'fr';

export function langOf(lcid: number | undefined): Lang {
  return lcid === 1036 || lcid === 3084 || lcid === 4108 || lcid === 2060 ? 'fr' : 'en';
}

export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Joins names as "A, B and C" / "A, B et C". */
export function joinNames(names: readonly string[], lang: Lang): string {
  if (names.length <= 1) return names.join('');
  const last = names[names.length - 1];
  return `${names.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${last}`;
}
