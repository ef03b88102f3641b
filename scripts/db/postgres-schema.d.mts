export const SQLITE_SCHEMA_DIR: string;
export const POSTGRES_SCHEMA_DIR: string;
export function toPostgres(text: string): string;
export function writePostgresSchema(root?: string): number;
