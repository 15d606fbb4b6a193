import type { ChdbEngine, EngineConnection } from "./chdb-engine";
import { ClickHouseException } from "./errors";

/** The `session_*` arguments of a request. */
export interface SessionArguments {
  id: string;
  timeoutSeconds: number;
  /** `session_check=1`: the session must exist already. */
  mustExist: boolean;
  /** `close_session=1`: end the session after this query. */
  closeAfter: boolean;
}

interface LiveSession {
  connection: EngineConnection;
  expiry: NodeJS.Timeout;
}

/**
 * HTTP sessions (`session_id`): a connection kept for the session's lifetime, so what its
 * queries `SET` and the temporary tables they create are there for its next query, and gone
 * after `session_timeout` seconds without one, as on a server.
 */
export class HttpSessions {
  private readonly sessions = new Map<string, LiveSession>();

  constructor(private readonly engine: ChdbEngine) {}

  /** The session's connection, opened on first use; call inside `engine.exclusive`. */
  async connection(session: SessionArguments): Promise<EngineConnection> {
    const live = this.sessions.get(session.id);
    if (live) {
      live.expiry.refresh();
      return live.connection;
    }
    if (session.mustExist) {
      throw new ClickHouseException(372, `Session ${session.id} not found.`, "SESSION_NOT_FOUND");
    }
    const connection = await this.engine.connect();
    const expire = () => void this.engine.exclusive(async () => this.end(session.id));
    const expiry = setTimeout(expire, session.timeoutSeconds * 1000);
    expiry.unref();
    this.sessions.set(session.id, { connection, expiry });
    return connection;
  }

  /** Call inside `engine.exclusive`. */
  end(id: string): void {
    const live = this.sessions.get(id);
    if (!live) return;
    clearTimeout(live.expiry);
    live.connection.close();
    this.sessions.delete(id);
  }

  /** Call inside `engine.exclusive`. */
  endAll(): void {
    for (const id of [...this.sessions.keys()]) this.end(id);
  }
}
