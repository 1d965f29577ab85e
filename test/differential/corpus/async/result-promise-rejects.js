// diff: throws
async function main() {
  console.log('main start');
  await null;
  null.boom;
}
main()
