// Errors that Node's HTTP server answers itself, before any request reaches the app (a path or a
// header past the size limit, an unknown method, malformed HTTP): answered in the API's JSON
// error shape too, instead of Node's bare status line.
import type { ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

const ANSWERS: Record<string, [number, string, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'headers_too_large', 'リクエストのURLまたはヘッダーが長すぎます。'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'Payload Too Large', 'payload_too_large', 'リクエストが大きすぎます。'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'request_timeout', 'リクエストの受信が時間内に終わりませんでした。'],
};
const BAD_REQUEST: [number, string, string, string] = [400, 'Bad Request', 'invalid_request', 'HTTPリクエストの形式が正しくありません(未対応のメソッドなど)。'];

/** The raw HTTP response for a client error (exported for tests). */
export function clientErrorResponse(code: string | undefined): string {
  const [status, reason, errorCode, message] = ANSWERS[code ?? ''] ?? BAD_REQUEST;
  const body = JSON.stringify({ error: { code: errorCode, message } });
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

export function answerClientErrorsAsJson(server: ServerType): void {
  // serve() gives an HTTP/1.1 server here (no http2 option), whose clientError this is.
  (server as Server).on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // A connection already gone, or one that has started a response, is only closed.
    if (err.code === 'ECONNRESET' || !socket.writable || (socket as Duplex & { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorResponse(err.code));
  });
}
