export const POSTGRES_MIGRATIONS_DIR: string;
export function isPostgresUrl(url: string | undefined): boolean;
export function listMigrations(dir?: string): Array<{ name: string; sql: string; checksum: string }>;
export function ensureDatabase(url: string): Promise<boolean>;
export function migratePostgres(
  url: string,
  options?: { dir?: string; log?: (line: string) => void },
): Promise<string[]>;
