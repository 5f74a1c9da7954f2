/**
 * A parse result as plain data, each row through plainRow, so results built by different routes (the
 * parser's rows, the rows unpacked from the worker) compare by what they say, not by how they keep it.
 */
import type { LraParseResult } from "../../src/core/sipd";
import { plainRow } from "../../src/core/sipd/row";

export function plainLra(r: LraParseResult): unknown {
  return r.ok ? { ...r, rows: r.rows.map(plainRow) } : r;
}
