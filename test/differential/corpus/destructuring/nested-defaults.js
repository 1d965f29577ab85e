const config = { server: { port: 0, host: undefined }, flags: [true] };
const {
  server: { port = 80, host = 'localhost', path = '/' } = {},
  flags: [debug = false, verbose = false] = [],
  client: { timeout = 30 } = {},
} = config;
[port, host, path, debug, verbose, timeout]
