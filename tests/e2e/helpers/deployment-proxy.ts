/**
 * A second origin in front of the preview server that can pretend a new version was deployed: after
 * `deployNewVersion()` its service-worker.js has different bytes. Browsers fetch the service worker
 * script themselves, out of reach of Playwright's request routing, hence a real server.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DeploymentProxy {
  origin: string;
  deployNewVersion(): void;
  close(): Promise<void>;
}

export async function startDeploymentProxy(upstream: string): Promise<DeploymentProxy> {
  const target = new URL(upstream);
  let deployment = 0;
  const server: Server = createServer((incoming, outgoing) => {
    const isWorker = incoming.url?.split('?')[0].endsWith('/service-worker.js') ?? false;
    const headers = { ...incoming.headers, host: target.host, 'accept-encoding': 'identity' };
    const forward = request(
      { host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers },
      (answer) => {
        if (!isWorker || deployment === 0) {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat([...chunks, Buffer.from(`\n// deployment ${deployment}\n`)]);
          const { 'content-length': _length, etag: _etag, 'last-modified': _modified, ...rest } = answer.headers;
          outgoing.writeHead(answer.statusCode ?? 502, { ...rest, 'content-length': body.length });
          outgoing.end(body);
        });
      }
    );
    forward.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    deployNewVersion: () => void deployment++,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  };
}
