// One HTTPS server for every fixture host. Chromium maps each real hostname
// (x.com, www.facebook.com, …) to this server with --host-resolver-rules, and
// the server picks the page by the Host header, so the extension sees the real
// origins its match patterns and adapters expect.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ALL_PAGES, type FixturePage } from '../fixtures/catalogue';

export interface ServedRequest {
  host: string;
  method: string;
  url: string;
  /** True when the request was for something the fixtures serve (a page, the bundle, the favicon). */
  known: boolean;
}

export interface FixtureServer {
  port: number;
  requests: ServedRequest[];
  close(): Promise<void>;
}

/** A throwaway self-signed certificate; Chromium runs with --ignore-certificate-errors. */
export async function makeCertificate(dir: string): Promise<{ key: Buffer; cert: Buffer }> {
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  await promisify(execFile)('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '2',
    '-keyout', keyPath, '-out', certPath,
  ]);
  return { key: await readFile(keyPath), cert: await readFile(certPath) };
}

function pageHtml(page: FixturePage): string {
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>${page.title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<div id="app"></div>
<script id="fixture-page" data-page="${page.id}" type="application/json"></script>
<script type="module" src="/__fixtures/main.js"></script>
</body>
</html>`;
}

function findPage(host: string, path: string): FixturePage | undefined {
  return ALL_PAGES.find(
    (page) => page.host === host && (page.path === path || (page.shell === 'chatSpa' && path.startsWith(`${page.path}/`))),
  );
}

export async function startFixtureServer(options: { bundleDir: string; certDir: string }): Promise<FixtureServer> {
  const { key, cert } = await makeCertificate(options.certDir);
  const requests: ServedRequest[] = [];
  const server: Server = createServer({ key, cert }, async (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(request.url ?? '/', `https://${host}`);
    const entry: ServedRequest = { host, method: request.method ?? 'GET', url: url.href, known: true };
    requests.push(entry);
    try {
      if (url.pathname.startsWith('/__fixtures/') && /^\/__fixtures\/[\w.-]+\.js$/.test(url.pathname)) {
        const body = await readFile(join(options.bundleDir, url.pathname.slice('/__fixtures/'.length)));
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' });
        response.end(body);
        return;
      }
      if (url.pathname === '/favicon.ico') {
        response.writeHead(204);
        response.end();
        return;
      }
      const page = findPage(host, url.pathname);
      if (page) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        response.end(pageHtml(page));
        return;
      }
      entry.known = false;
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end(`No fixture for ${host}${url.pathname}`);
    } catch (error) {
      entry.known = false;
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
