function classify(n) {
  switch (n % 3) {
    case 0: {
      const label = 'fizz';
      return label;
    }
    case 1: {
      const label = 'one';
      return label + n;
    }
    default: {
      let label = 'other';
      label += n;
      return label;
    }
  }
}
[0, 1, 2, 3, 4, 5].map(classify)
