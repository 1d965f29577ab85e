const timer = {
  ticks: 0,
  name: 'timer',
  start() {
    const steps = [1, 2, 3];
    steps.forEach((s) => {
      this.ticks += s;
    });
    return this.ticks;
  },
  label() {
    const get = () => () => this.name;
    return get()();
  },
};
[timer.start(), timer.label()]
