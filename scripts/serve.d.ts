/** Types for scripts/serve.js. */
import type { Server } from "http";

export interface ServeOptions {
  /** Directory to serve; default "dist". */
  root?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  tls?: { key: Buffer | string; cert: Buffer | string };
}

export interface Serving {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export function serve(options?: ServeOptions): Promise<Serving>;
