async function compute() {
  await null;
  return { answer: 42, list: [1, 2] };
}
console.log('before');
compute()
