// A small round-robin reverse proxy for the production run in CI: each request and each WebSocket
// upgrade goes to the next replica, so nothing may rely on landing where the last request did.
// Responses stream through unbuffered (the live stream is server-sent events).
// Usage: node scripts/round-robin-proxy.mjs --listen 127.0.0.1:3100 --to 127.0.0.1:3101,127.0.0.1:3102
import { createServer, request } from 'node:http';
import { connect } from 'node:net';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { listen: { type: 'string' }, to: { type: 'string' } } });
const [host, port] = (values.listen ?? '127.0.0.1:3100').split(':');
const backends = (values.to ?? '').split(',').filter(Boolean);
if (backends.length === 0) throw new Error('--to host:port[,host:port…] is required');
let next = 0;
const pick = () => backends[next++ % backends.length].split(':');
const counts = new Map(backends.map((b) => [b, 0]));

const server = createServer((req, res) => {
  // How many requests each replica got, for the smoke test to check both served.
  if (req.url === '/__proxy/counts')
    return void res.end(JSON.stringify(Object.fromEntries(counts)));
  const [h, p] = pick();
  counts.set(`${h}:${p}`, (counts.get(`${h}:${p}`) ?? 0) + 1);
  const up = request(
    {
      host: h,
      port: Number(p),
      method: req.method,
      path: req.url,
      headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' },
    },
    (r) => {
      res.writeHead(r.statusCode ?? 502, r.rawHeaders);
      res.flushHeaders();
      r.pipe(res);
    },
  );
  up.on('error', () => {
    if (!res.headersSent) res.writeHead(502).end('replica unavailable');
    else res.destroy();
  });
  res.on('close', () => up.destroy());
  req.pipe(up);
});

server.on('upgrade', (req, socket, head) => {
  const [h, p] = pick();
  const up = connect(Number(p), h, () => {
    const lines = [`${req.method} ${req.url} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    up.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length) up.write(head);
    up.pipe(socket);
    socket.pipe(up);
  });
  const end = () => {
    up.destroy();
    socket.destroy();
  };
  up.on('error', end);
  socket.on('error', end);
});

server.listen(Number(port), host, () =>
  console.error(`round-robin proxy on ${host}:${port} → ${backends.join(', ')}`),
);
for (const s of ['SIGTERM', 'SIGINT']) process.once(s, () => server.close(() => process.exit(0)));
