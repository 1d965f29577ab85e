function configure({ host = 'localhost', port = 8080, tls: { enabled = false, cert } = {} } = {}) {
  return { host, port, enabled, cert };
}
[
  configure(),
  configure({ port: 443, tls: { enabled: true, cert: 'abc' } }),
  configure({ host: 'x', tls: {} }),
]
