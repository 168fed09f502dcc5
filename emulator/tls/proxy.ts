import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Server as TlsServer } from 'node:https';
import { isHmrcHost } from './hmrc-hosts.js';

/**
 * An HTTP proxy that only ever leads to the emulator (docs/https.md). Software that hard-codes HMRC's URLs and
 * honours `HTTPS_PROXY` talks to the emulator unmodified:
 * - `CONNECT <HMRC host>:443` is accepted and the tunnel's TLS ends here, with the local CA's certificate;
 * - a plain-HTTP proxy request for an HMRC host (`GET http://test-api.service.hmrc.gov.uk/…`) is served too;
 * - every other host, or port, is refused with 403 and a message. Nothing is ever forwarded: the emulator makes
 *   no outbound connection.
 */
export function proxyServer(app: RequestListener, tls: TlsServer): { server: Server; close: () => Promise<void> } {
  const tunnels = new Set<Duplex>();
  const server = createServer((req, res) => {
    const target = absoluteTarget(req.url);
    if (!target) return refuse(res, 400, 'This is the HMRC local sandbox\'s proxy: send it proxy requests (HTTPS_PROXY=http://this-host:port), not direct ones.');
    if (!isHmrcHost(target.hostname) || (target.port && target.port !== '80' && target.port !== '443')) {
      return refuse(res, 403, `The HMRC local sandbox's proxy serves HMRC's hosts only and forwards nothing; "${target.host}" is not one of them.`);
    }
    req.url = `${target.pathname}${target.search}`;
    req.headers.host = target.host;
    delete req.headers['proxy-authorization'];
    delete req.headers['proxy-connection'];
    app(req, res);
  });
  server.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    tunnels.add(socket);
    socket.once('close', () => tunnels.delete(socket));
    const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(req.url ?? '');
    if (!match || !isHmrcHost(match[1]!) || match[2] !== '443') {
      const message = `The HMRC local sandbox's proxy tunnels to HMRC's hosts on port 443 only and forwards nothing; "${req.url ?? ''}" is not one of them.\n`;
      return void socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`);
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    tls.emit('connection', socket);
  });
  server.keepAliveTimeout = 5_000;
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
      for (const socket of tunnels) socket.destroy();
    });
  return { server, close };
}

function absoluteTarget(url: string | undefined): URL | undefined {
  if (!url || !/^http:\/\//i.test(url)) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end(`${message}\n`);
}
