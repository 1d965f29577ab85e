// the copy happens before the update expression: closures see the value of their own iteration
const getters = [];
for (let i = 0; i < 3; i++) {
  getters.push(() => i);
  i += 0;
}
const setters = [];
for (let k = 0; k < 6; k++) {
  setters.push(() => k++);
}
const first = setters.map((f) => f());
[getters.map((g) => g()), first, setters.map((f) => f())]
