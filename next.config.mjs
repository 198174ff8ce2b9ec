/** @type {import('next').NextConfig} */
const nextConfig = {
  // The test and bench commands build into their own directory, so a demo served from `.next` beside
  // them keeps its chunks (a rebuild in place would answer its pages' scripts with 404s).
  distDir: process.env.STRATUS_DIST_DIR || '.next',
  // The image (Dockerfile) and the production run in CI start from the standalone output.
  output: 'standalone',
  reactStrictMode: true,
  // For sizing the client bundles by source module (STRATUS_SOURCE_MAPS=1 npm run build).
  productionBrowserSourceMaps: process.env.STRATUS_SOURCE_MAPS === '1',
  poweredByHeader: false,
  // Responses are compressed by the ingress; compressing here would buffer the live event stream.
  compress: false,
  // client-node pulls in ws/node-fetch; keep it out of the server bundle so it loads as plain Node modules.
  serverExternalPackages: ['@kubernetes/client-node', 'prom-client'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
