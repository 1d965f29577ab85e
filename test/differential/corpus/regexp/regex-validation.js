const patterns = {
  email: /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i,
  hex: /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i,
  ipv4: /^((25[0-5]|2[0-4]\d|1?\d?\d)(\.|$)){4}$/,
  semver: /^(\d+)\.(\d+)\.(\d+)(?:-([\w.]+))?$/,
};
const inputs = ['ann@example.com', 'bad@', '#fff', '#abcd', '192.168.1.255', '256.1.1.1', '1.2.3-beta.1', '1.2'];
Object.fromEntries(Object.entries(patterns).map(([name, re]) => [name, inputs.filter((s) => re.test(s))]))
