// Typed message catalogs. Each area of the product owns one file in ./areas with an English and a
// Japanese table; `ja` must have exactly the keys of `en` (a compile error otherwise), and a test
// checks that both use the same {placeholders}.
export type Lang = "ja" | "en";
export const LANGS: readonly Lang[] = ["ja", "en"];

export interface Catalog<E extends Record<string, string>> {
  en: E;
  ja: { [K in keyof E]: string };
}

export function defineCatalog<const E extends Record<string, string>>(en: E, ja: { [K in keyof E]: string }): Catalog<E> {
  return { en, ja };
}
