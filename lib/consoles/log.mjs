// JSON lines on stderr, the shape lib/log.ts writes, for the custom server (which cannot load it).
function write(level, event, fields) {
  process.stderr.write(
    `${JSON.stringify({ level, time: new Date().toISOString(), event, ...fields })}\n`,
  );
}

export const log = {
  info: (event, fields = {}) => write('info', event, fields),
  error: (event, fields = {}) => write('error', event, fields),
};
