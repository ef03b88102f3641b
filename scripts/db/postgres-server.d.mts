export interface PostgresServer {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  url: string;
  /** The folder of the server's binaries (initdb, pg_ctl, psql). */
  bin: string;
  /** The server's log file (deleted by stop()). */
  logFile: string;
  stop(): void;
}
export function startPostgres(): Promise<PostgresServer>;
