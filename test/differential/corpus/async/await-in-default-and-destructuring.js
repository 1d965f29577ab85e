async function getConfig() {
  await null;
  return { host: 'h', ports: [80, 443] };
}
const { host, ports: [http, https], missing = await Promise.resolve('dflt') } = await getConfig();
const fns = [async (x = 1) => x, async ({ a } = { a: 'A' }) => a];
[host, http, https, missing, await fns[0](), await fns[1]()]
