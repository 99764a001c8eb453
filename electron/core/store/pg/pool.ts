// The connection pool of the department server. Dates come back as the ISO text the contract
// carries («2021-09-08»), never as a JavaScript Date shifted by the server's time zone; big
// integers (ids, counts) as numbers, as no register comes near 2^53 rows.
import pg from 'pg';

const DATE_OID = 1082;
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID ? (v: string) => v : oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function openPool(connectionString: string, max = 10): pg.Pool {
  return new pg.Pool({ connectionString, max, types });
}

/** Runs `work` in one transaction on one connection of the pool: committed whole, or rolled back whole. */
export async function pgTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
