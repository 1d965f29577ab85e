function* trafficLight() {
  while (true) {
    const skip = yield 'green';
    if (!skip) yield 'yellow';
    yield 'red';
  }
}
const light = trafficLight();
const seq = [light.next().value];
for (let i = 0; i < 6; i++) seq.push(light.next(i === 2).value);
seq
