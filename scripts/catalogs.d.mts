// Types of scripts/catalogs.mjs, for the tests that check the bundle's catalogs.
export interface AreaTables {
  name: string;
  en: Record<string, string>;
  ja: Record<string, string>;
}
export interface CatalogIndex {
  prefixes: Record<string, string>;
  exceptions: Record<string, string>;
}
export function readAreas(root: string): Promise<AreaTables[]>;
export function catalogIndex(areas: AreaTables[]): CatalogIndex;
export function writeCatalogs(areas: AreaTables[], outDir: string): Promise<void>;
export function storeModule(index: CatalogIndex): string;
export function i18nStorePlugin(index: CatalogIndex): unknown;
