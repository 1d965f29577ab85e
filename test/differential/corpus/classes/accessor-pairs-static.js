class Clock {
  static #ticks = 0;
  static get ticks() { return Clock.#ticks; }
  static set ticks(v) { Clock.#ticks = Math.max(0, v); }
  static tick() { Clock.ticks = Clock.ticks + 1; return this; }
}
Clock.tick().tick().tick();
const a = Clock.ticks;
Clock.ticks = -5;
[a, Clock.ticks]
