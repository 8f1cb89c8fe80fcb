import net from 'node:net';

export interface RawResponse {
  status: number;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  text: string;
}

export interface RawRequestOptions {
  /** Close our side after writing (the server sees the body end early when it expects more). */
  halfClose?: boolean;
  /** Drop the connection once everything is written, without waiting for an answer (a client that went away). */
  abandon?: boolean;
  /** The request is HEAD: the answer has headers only. */
  head?: boolean;
  /** How long to wait for the answer (a server that never answers fails the caller). */
  timeoutMs?: number;
}

const HEADER_END = Buffer.from('\r\n\r\n');

function parseHead(head: string): { status: number; headers: Record<string, string> } {
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return { status, headers };
}

/** The body of a chunked answer once its last chunk has arrived, else undefined. */
function dechunk(data: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', offset);
    if (lineEnd < 0) return undefined;
    const size = Number.parseInt(data.subarray(offset, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return Buffer.concat(parts);
    if (size === 0) return Buffer.concat(parts);
    if (data.length < lineEnd + 2 + size + 2) return undefined;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
}

/**
 * Sends bytes exactly as given over a new TCP connection and reads the first answer: for requests
 * that fetch cannot send (wrong or missing Content-Length, raw bytes in headers, bodies cut short).
 * Resolves undefined when the server closed the connection without answering (or the caller abandoned it).
 */
export function rawHttp(baseUrl: string, request: Buffer, options: RawRequestOptions = {}): Promise<RawResponse | undefined> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    let data = Buffer.alloc(0);
    let done = false;
    const finish = (result: RawResponse | undefined | Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const timer = setTimeout(() => finish(new Error(`no answer within ${options.timeoutMs ?? 15_000} ms`)), options.timeoutMs ?? 15_000);
    /** The answer, once complete; `closed`: the server closed the connection. */
    const answer = (closed: boolean): RawResponse | undefined | null => {
      const headerEnd = data.indexOf(HEADER_END);
      if (headerEnd < 0) return closed ? undefined : null;
      const { status, headers } = parseHead(data.subarray(0, headerEnd).toString('latin1'));
      const rest = data.subarray(headerEnd + HEADER_END.length);
      let body: Buffer | undefined;
      if (options.head || status === 204 || status === 304) body = Buffer.alloc(0);
      else if (headers['transfer-encoding']?.includes('chunked')) body = dechunk(rest) ?? (closed ? rest : undefined);
      else if (headers['content-length'] !== undefined) {
        const length = Number(headers['content-length']);
        body = rest.length >= length ? rest.subarray(0, length) : closed ? rest : undefined;
      } else body = closed ? rest : undefined;
      if (!body) return null;
      return { status, headers, body, text: body.toString('utf8') };
    };
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const complete = answer(false);
      if (complete) finish(complete);
    });
    socket.on('close', () => finish(answer(true) ?? undefined));
    // The server may answer and close before it has read everything we send (413, 431).
    socket.on('error', () => undefined);
    socket.on('connect', () => {
      socket.write(request, () => {
        if (options.abandon) finish(undefined);
        else if (options.halfClose) socket.end();
      });
    });
  });
}

/** A request head: the request line and the headers, each value written as latin1 bytes. */
export function requestHead(method: string, path: string, headers: Array<[string, string]>): Buffer {
  return Buffer.from(`${method} ${path} HTTP/1.1\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`, 'latin1');
}

/** How a request's body is delimited on the wire. */
export type Framing =
  /** Content-Length says exactly how long the body is. */
  | 'exact'
  /** Transfer-Encoding: chunked, in uneven chunks. */
  | 'chunked'
  /** Content-Length promises more than is sent; then the client stops (the body ends early). */
  | 'truncated'
  /** Content-Length promises more than is sent; then the client drops the connection mid-body. */
  | 'abandoned'
  /** Content-Length says less than is sent (the rest reaches the server as a garbled next request). */
  | 'short'
  /** No Content-Length and no chunking: the server sees no body; the bytes follow as garbage. */
  | 'unframed';

/** A whole request's bytes: the head plus the framing's headers, then the body framed as chosen (`chunks`: chunk sizes, cycled). */
export function frame(method: string, path: string, headers: Array<[string, string]>, body: Buffer, framing: Framing, chunks: number[] = [1024]): Buffer {
  switch (framing) {
    case 'exact':
      return Buffer.concat([requestHead(method, path, [...headers, ['content-length', String(body.length)]]), body]);
    case 'truncated':
    case 'abandoned':
      return Buffer.concat([requestHead(method, path, [...headers, ['content-length', String(body.length + 1 + (chunks[0] ?? 1))]]), body]);
    case 'short':
      return Buffer.concat([requestHead(method, path, [...headers, ['content-length', String(Math.floor(body.length / 2))]]), body]);
    case 'unframed':
      return Buffer.concat([requestHead(method, path, headers), body]);
    case 'chunked': {
      const parts: Buffer[] = [requestHead(method, path, [...headers, ['transfer-encoding', 'chunked']])];
      let offset = 0;
      let i = 0;
      while (offset < body.length) {
        const size = Math.min(Math.max(1, chunks[i++ % chunks.length] ?? 1024), body.length - offset);
        parts.push(Buffer.from(`${size.toString(16)}\r\n`), body.subarray(offset, offset + size), Buffer.from('\r\n'));
        offset += size;
      }
      parts.push(Buffer.from('0\r\n\r\n'));
      return Buffer.concat(parts);
    }
  }
}
