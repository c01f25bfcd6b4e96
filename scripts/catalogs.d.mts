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
export interface ShardIndex {
  /** Each shard: its area and its keys, in the order of the area's file. */
  shards: { area: string; keys: string[] }[];
  /** A key's first segments → its shard. */
  routes: Record<string, number>;
  /** Keys the segments would send to another shard → theirs. */
  exceptions: Record<string, number>;
}
/** Where each shard is in its area's files: [area, enOffset, enLength, jaOffset, jaLength] (bytes). */
export type ShardRanges = [string, number, number, number, number][];
export function readAreas(root: string): Promise<AreaTables[]>;
export function catalogIndex(areas: AreaTables[]): CatalogIndex;
export function shardIndex(areas: AreaTables[]): ShardIndex;
export function catalogFiles(areas: AreaTables[], index?: ShardIndex): { files: Record<string, string>; ranges: ShardRanges };
export function writeCatalogs(areas: AreaTables[], outDir: string, index?: ShardIndex): Promise<ShardRanges>;
export function storeModule(index: CatalogIndex, shards: ShardIndex, ranges: ShardRanges): string;
export function i18nStorePlugin(index: CatalogIndex, shards: ShardIndex, ranges: ShardRanges): unknown;
