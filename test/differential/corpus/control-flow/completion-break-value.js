outer: {
  'kept';
  if (true) break outer;
  'skipped';
}
